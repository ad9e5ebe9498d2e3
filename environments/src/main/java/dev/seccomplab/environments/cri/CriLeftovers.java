package dev.seccomplab.environments.cri;

import dev.seccomplab.environments.LabLabels;
import dev.seccomplab.environments.Progress;
import dev.seccomplab.environments.containerd.api.PodSandbox;
import dev.seccomplab.environments.containerd.ContainerdLeftovers;
import dev.seccomplab.environments.containerd.CriClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What a killed lab run left on CRI runtimes: the directory of its private containerd, whose pods
 * may still run in their shims ({@link ContainerdLeftovers}), and labelled sandboxes on a shared
 * endpoint. Ryuk's job, done by the lab, as for the docker environment.
 */
public final class CriLeftovers {

    private CriLeftovers() {
    }

    /**
     * Removes the private containerds, and their pods, of lab processes on this host that are gone.
     * Returns what it removed, in words.
     */
    public static List<String> reapDeadOwners(Path runRoot, Progress progress) {
        return ContainerdLeftovers.reapDirectories(runRoot, LabLabels::ownerIsGone, progress);
    }

    /** Every lab containerd under {@code runRoot}, running or not, whoever started it: {@code lab down}. */
    public static List<String> reapAll(Path runRoot, Progress progress) {
        return ContainerdLeftovers.reapDirectories(runRoot, owner -> true, progress);
    }

    /** Removes the lab's sandboxes on a shared CRI endpoint whose owner matches; returns their pod names. */
    public static List<String> reapSandboxes(CriClient cri, Predicate<String> owner) {
        List<String> removed = new ArrayList<>();
        for (PodSandbox sandbox : cri.listPodSandboxes(Map.of(LabLabels.MANAGED, "true"))) {
            if (owner.test(sandbox.getLabelsMap().get(LabLabels.OWNER))) {
                cri.stopPodSandbox(sandbox.getId());
                cri.removePodSandbox(sandbox.getId());
                removed.add(sandbox.getMetadata().getName());
            }
        }
        return removed;
    }
}
