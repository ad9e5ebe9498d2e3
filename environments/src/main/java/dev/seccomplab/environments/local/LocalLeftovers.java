package dev.seccomplab.environments.local;

import dev.seccomplab.environments.Progress;
import dev.seccomplab.environments.containerd.ContainerdLeftovers;
import dev.seccomplab.environments.host.Directories;
import dev.seccomplab.environments.host.HostCgroups;
import dev.seccomplab.environments.host.HostMounts;
import dev.seccomplab.environments.host.SupervisedProcess;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Removes a local cluster whose programs may still run: a killed lab run's, or any one for
 * {@code lab down}. It goes by what the cluster left on the host, not by what a lab process
 * remembers: the pid files, containerd's folder, the kubelet's cgroup root, the mounts below the
 * cluster's folder, the pods' bridge.
 */
final class LocalLeftovers {

    /** Stopped in this order, as a node shuts down: the kubelet first, etcd last. */
    static final List<String> PROGRAMS = List.of("kubelet", "kube-scheduler", "kube-controller-manager", "kube-apiserver", "etcd");
    static final Duration GRACE = Duration.ofSeconds(10);

    private LocalLeftovers() {
    }

    /** Everything of the cluster in {@code layout}; returns what it removed, in words. */
    static List<String> removeAll(LocalLayout layout, Progress progress) {
        List<String> removed = new ArrayList<>();
        if (Files.isDirectory(layout.root())) {
            String owner = owner(layout).orElse("an unknown lab process");
            progress.step("removing the local cluster of " + owner + " (" + layout.root() + ")");
            for (String program : PROGRAMS) {
                SupervisedProcess.stopLeftover(layout.pidFile(program), layout.root().toString(), GRACE)
                        .ifPresent(pid -> removed.add(program + " (pid " + pid + ")"));
            }
            removed.addAll(ContainerdLeftovers.reapDirectory(layout.containerd(), "the local cluster", progress));
        }
        removed.addAll(removeRemains(layout));
        return removed;
    }

    /**
     * What is left once the programs are stopped and containerd has removed its pods: processes
     * still in the kubelet's cgroups, mounts, the bridge, the folder.
     */
    static List<String> removeRemains(LocalLayout layout) {
        List<String> removed = new ArrayList<>();
        List<Long> killed = HostCgroups.removeAll(LocalLayout.CGROUP_ROOT);
        if (!killed.isEmpty()) {
            removed.add("container processes " + killed);
        }
        if (Files.exists(layout.root())) {
            HostMounts.unmountBelow(layout.root());
            removed.addAll(HostTraces.remove(layout));
            Directories.deleteRecursively(layout.root());
            removed.add("the local cluster's folder " + layout.root());
        }
        if (PodNetwork.removeBridge()) {
            removed.add("the bridge " + PodNetwork.BRIDGE);
        }
        return removed;
    }

    static Optional<String> owner(LocalLayout layout) {
        try {
            return Optional.of(Files.readString(layout.ownerFile()).strip()).filter(owner -> !owner.isEmpty());
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }
}
