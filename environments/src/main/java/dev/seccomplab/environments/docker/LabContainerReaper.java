package dev.seccomplab.environments.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import dev.seccomplab.environments.LabLabels;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Finds the lab's containers by label and removes them: Ryuk's job, done by the lab. */
public final class LabContainerReaper {

    private final DockerClient docker;

    public LabContainerReaper(DockerClient docker) {
        this.docker = docker;
    }

    /** Containers left by lab processes on this host that are gone (killed, crashed). */
    public List<String> reapLeftovers() {
        return removeWhere(c -> LabLabels.ownerIsGone(c.getLabels().get(LabLabels.OWNER)));
    }

    public List<String> reapOwnedBy(String owner) {
        return removeWhere(c -> owner.equals(c.getLabels().get(LabLabels.OWNER)));
    }

    /** Every lab container, whoever started it: {@code lab down}. */
    public List<String> reapAll() {
        return removeWhere(c -> true);
    }

    public List<Container> labContainers() {
        return docker.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of(LabLabels.MANAGED, "true"))
                .exec();
    }

    private List<String> removeWhere(Predicate<Container> condition) {
        return labContainers().stream()
                .filter(condition)
                .map(this::remove)
                .toList();
    }

    private String remove(Container container) {
        String name = container.getNames().length > 0 ? container.getNames()[0].replaceFirst("^/", "") : container.getId();
        try {
            docker.removeContainerCmd(container.getId()).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException alreadyGone) {
            // Removed meanwhile by its owner: the outcome we wanted.
        }
        return name;
    }
}
