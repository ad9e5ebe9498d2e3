package dev.seccomplab.environments.containerd;

import dev.seccomplab.environments.HostExecutables;
import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.Poll;
import dev.seccomplab.environments.Progress;
import dev.seccomplab.environments.ProgressTicker;
import dev.seccomplab.environments.host.Directories;
import dev.seccomplab.environments.host.SupervisedProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A containerd of the lab's own: its root, state, socket and log live in one directory, and it goes
 * away with the lab process that started it ({@link SupervisedProcess}). Pods a killed lab left
 * behind keep running in their shims until the next lab run finds the directory and removes them
 * ({@link ContainerdLeftovers}).
 */
public final class PrivateContainerd implements AutoCloseable {

    static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    public static final String CONFIG = "config.toml";
    static final String LOG = "containerd.log";
    public static final String PID = "containerd.pid";

    private final Path directory;
    private final SupervisedProcess process;

    private PrivateContainerd(Path directory, SupervisedProcess process) {
        this.directory = directory;
        this.process = process;
    }

    /**
     * Writes a fresh configuration into {@code directory} and starts containerd on it.
     *
     * @param cni the CNI plugins that give pods a network of their own; empty: pods use the node's
     */
    public static PrivateContainerd start(Path directory, String sandboxImage, Optional<CniPlugins> cni, Progress progress) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(CONFIG),
                    ContainerdConfig.render(directory.toAbsolutePath(), sandboxImage, snapshotterFor(directory), cni));
        } catch (IOException e) {
            throw new LabEnvironmentException("Cannot prepare " + directory + " for the lab's containerd: " + e
                    + ". The lab runs containerd, which needs root; run the lab as root.", e);
        }
        return launch(directory, progress);
    }

    /** Starts containerd again on a directory that already has its configuration (a leftover's). */
    static PrivateContainerd launch(Path directory, Progress progress) {
        Path binary = binary();
        long started = System.nanoTime();
        progress.step("starting containerd (" + binary + ") with root, state and socket in " + directory);
        SupervisedProcess containerd = SupervisedProcess.start("containerd",
                List.of(binary.toString(), "--config", directory.resolve(CONFIG).toString()),
                directory.resolve(LOG), directory.resolve(PID), SupervisedProcess.Restart.NEVER);
        String version;
        try (ProgressTicker ticker = new ProgressTicker(progress, "waiting for containerd to answer on its socket", 5)) {
            version = awaitAnswer(directory, containerd);
        } catch (RuntimeException e) {
            containerd.close();
            throw e;
        }
        progress.step("containerd " + version + " is up after " + Duration.ofNanos(System.nanoTime() - started).toMillis()
                + " ms (pid " + containerd.pid().orElse(0L) + ", socket " + directory.resolve(ContainerdConfig.SOCKET) + ")");
        return new PrivateContainerd(directory, containerd);
    }

    public Path socket() {
        return directory.resolve(ContainerdConfig.SOCKET);
    }

    /**
     * Stops containerd and removes its directory, with anything of its work that its pods' removal
     * did not take along (see {@link OrphanSweep}).
     */
    @Override
    public void close() {
        process.close();
        OrphanSweep.sweep(directory);
        Directories.deleteRecursively(directory);
    }

    private static String awaitAnswer(Path directory, SupervisedProcess containerd) {
        Path socket = directory.resolve(ContainerdConfig.SOCKET);
        LabEnvironmentException[] last = new LabEnvironmentException[1];
        return Poll.until(START_TIMEOUT, Duration.ofMillis(20), () -> {
            if (!containerd.isRunning()) {
                throw new LabEnvironmentException("containerd stopped while starting. The end of its log ("
                        + containerd.log() + "):\n" + SupervisedProcess.tail(containerd.log(), 8));
            }
            if (!Files.exists(socket)) {
                return Optional.empty();
            }
            try (CriClient cri = CriClient.connect(socket)) {
                return Optional.of(cri.version().getRuntimeVersion());
            } catch (LabEnvironmentException notYet) {
                last[0] = notYet;
                return Optional.empty();
            }
        }, () -> new LabEnvironmentException("containerd did not answer on " + socket + " within " + START_TIMEOUT.toSeconds()
                + " s" + (last[0] == null ? "" : " (" + last[0].getMessage() + ")") + ". The end of its log:\n"
                + SupervisedProcess.tail(containerd.log(), 8)));
    }

    public static Path binary() {
        return HostExecutables.find("containerd").orElseThrow(() -> new LabEnvironmentException(
                "The lab runs containerd, and this host has none (looked on PATH and in /usr/sbin, /sbin). "
                        + "Install it (Debian: apt-get install containerd), or point --cri-socket at a running CRI runtime."));
    }

    /** overlayfs cannot sit on overlayfs: a lab inside a container gets the native snapshotter. */
    static String snapshotterFor(Path directory) throws IOException {
        return "overlay".equals(Files.getFileStore(directory).type()) ? "native" : "overlayfs";
    }
}
