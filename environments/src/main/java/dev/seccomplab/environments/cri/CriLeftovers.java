package dev.seccomplab.environments.cri;

import dev.seccomplab.environments.LabLabels;
import dev.seccomplab.environments.Progress;
import dev.seccomplab.environments.cri.api.PodSandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * What a killed lab run left on CRI runtimes: the directory of its private containerd, whose pods
 * may still run in their shims, and labelled sandboxes on a shared endpoint. Ryuk's job, done by
 * the lab, as for the docker environment.
 */
public final class CriLeftovers {

    private CriLeftovers() {
    }

    /**
     * Removes the private containerds, and their pods, of lab processes on this host that are gone.
     * Returns what it removed, in words.
     */
    public static List<String> reapDeadOwners(Path runRoot, Progress progress) {
        return reapDirectories(runRoot, owner -> LabLabels.ownerIsGone(owner), progress);
    }

    /** Every lab containerd under {@code runRoot}, running or not, whoever started it: {@code lab down}. */
    public static List<String> reapAll(Path runRoot, Progress progress) {
        return reapDirectories(runRoot, owner -> true, progress);
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

    private static List<String> reapDirectories(Path runRoot, Predicate<String> owner, Progress progress) {
        if (!Files.isDirectory(runRoot)) {
            return List.of();
        }
        List<Path> directories;
        try (Stream<Path> entries = Files.list(runRoot)) {
            directories = entries.filter(Files::isDirectory).filter(dir -> owner.test(dir.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot look for leftovers in " + runRoot, e);
        }
        List<String> removed = new ArrayList<>();
        for (Path directory : directories) {
            removed.addAll(reapDirectory(directory, progress));
        }
        return removed;
    }

    private static List<String> reapDirectory(Path directory, Progress progress) {
        if (!Files.exists(directory.resolve(PrivateContainerd.CONFIG))) {
            PrivateContainerd.deleteRecursively(directory);
            return List.of();
        }
        progress.step("cleaning up the containerd of lab process " + directory.getFileName() + " (" + directory + ")");
        try (PrivateContainerd containerd = PrivateContainerd.attachIfRunning(directory)
                .orElseGet(() -> PrivateContainerd.launch(directory, progress));
             CriClient cri = CriClient.connect(containerd.socket())) {
            List<String> removed = new ArrayList<>();
            reapSandboxes(cri, any -> true).forEach(pod -> removed.add("pod " + pod));
            removed.add("the containerd of lab process " + directory.getFileName());
            return removed;
        }
    }
}
