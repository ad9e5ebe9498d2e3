package dev.seccomplab.environments.containerd;

import dev.seccomplab.environments.host.Directories;
import dev.seccomplab.environments.host.SupervisedProcess;
import dev.seccomplab.environments.Progress;
import dev.seccomplab.environments.containerd.api.PodSandbox;
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
 * What a killed lab run left of its own containerds: a directory whose pods may still run in their
 * shims. Ryuk's job, done by the lab: containerd is started once more on the directory, removes the
 * pods through the CRI, and then goes with everything below the directory.
 */
public final class ContainerdLeftovers {

    private ContainerdLeftovers() {
    }

    /** The directories under {@code runRoot} named after an owner ({@code host_pid}) that {@code owner} picks; removes each. */
    public static List<String> reapDirectories(Path runRoot, Predicate<String> owner, Progress progress) {
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
            removed.addAll(reapDirectory(directory, "lab process " + directory.getFileName(), progress));
        }
        return removed;
    }

    /**
     * Removes one lab containerd's directory with its pods, whether containerd still runs there or
     * not. Returns what it removed, in words.
     *
     * @param whose in words, e.g. {@code lab process host_123}
     */
    public static List<String> reapDirectory(Path directory, String whose, Progress progress) {
        if (!Files.exists(directory.resolve(PrivateContainerd.CONFIG))) {
            Directories.deleteRecursively(directory);
            return List.of();
        }
        progress.step("cleaning up the containerd of " + whose + " (" + directory + ")");
        // A containerd still running there is stopped first: its supervisor may be ending it right now.
        SupervisedProcess.stopLeftover(directory.resolve(PrivateContainerd.PID), directory.resolve(PrivateContainerd.CONFIG).toString(),
                PrivateContainerd.STOP_TIMEOUT);
        try (PrivateContainerd containerd = PrivateContainerd.launch(directory, progress);
             CriClient cri = CriClient.connect(containerd.socket())) {
            List<String> removed = new ArrayList<>();
            removeEverySandbox(cri).forEach(pod -> removed.add("pod " + pod));
            removed.add("the containerd of " + whose);
            return removed;
        }
    }

    /** Every sandbox of a containerd that only the lab used, whoever made it there (the lab, or a kubelet it ran). */
    private static List<String> removeEverySandbox(CriClient cri) {
        List<String> removed = new ArrayList<>();
        for (PodSandbox sandbox : cri.listPodSandboxes(Map.of())) {
            cri.stopPodSandbox(sandbox.getId());
            cri.removePodSandbox(sandbox.getId());
            removed.add(sandbox.getMetadata().getName());
        }
        return removed;
    }
}
