package dev.seccomplab.environments.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerMount;
import dev.seccomplab.environments.LabLabels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Finds the lab's containers by label and removes them, with the named volumes they mount: Ryuk's
 * job, done by the lab. The only named volumes a lab container mounts are the ones Kindcontainer
 * makes for a kind node's containerd, which Docker keeps when it removes the container.
 */
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

    public boolean volumeExists(String volume) {
        try {
            docker.inspectVolumeCmd(volume).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** Removes a named volume unless a container still uses it; returns its name when it went. */
    public Optional<String> removeVolumeIfUnused(String volume) {
        try {
            docker.removeVolumeCmd(volume).exec();
            return Optional.of(volume);
        } catch (NotFoundException | ConflictException absentOrInUse) {
            return Optional.empty();
        }
    }

    private List<String> removeWhere(Predicate<Container> condition) {
        List<String> removed = new ArrayList<>();
        for (Container container : labContainers()) {
            if (condition.test(container)) {
                removed.add(remove(container));
                namedVolumesOf(container).forEach(volume -> removeVolumeIfUnused(volume).ifPresent(v -> removed.add("volume " + v)));
            }
        }
        return removed;
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

    private static List<String> namedVolumesOf(Container container) {
        List<ContainerMount> mounts = container.getMounts();
        return mounts == null ? List.of() : mounts.stream()
                .filter(mount -> mount.getName() != null)
                .map(ContainerMount::getName)
                .toList();
    }
}
