package dev.seccomplab.environments;

import java.util.List;
import java.util.Map;

/**
 * A running pod: its name and its containers' names.
 *
 * @param kubeletRequests per container, the profile the lab asked the runtime for and what the
 *                        runtime is expected to make of it, where the lab plays the kubelet; empty
 *                        where a real kubelet decided
 */
public record PodHandle(String workspace, String name, List<String> containers, Map<String, String> kubeletRequests) {

    public PodHandle {
        containers = List.copyOf(containers);
        kubeletRequests = Map.copyOf(kubeletRequests);
    }

    /** A pod whose profiles a real kubelet chose. */
    public PodHandle(String workspace, String name, List<String> containers) {
        this(workspace, name, containers, Map.of());
    }

    /** The first container, which is the only one in every lab manifest. */
    public String mainContainer() {
        return containers.get(0);
    }
}
