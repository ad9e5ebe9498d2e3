package dev.seccomplab.environments;

import java.util.List;

/** A running pod: its name and its containers' names. */
public record PodHandle(String workspace, String name, List<String> containers) {

    public PodHandle {
        containers = List.copyOf(containers);
    }

    /** The first container, which is the only one in every lab manifest. */
    public String mainContainer() {
        return containers.get(0);
    }
}
