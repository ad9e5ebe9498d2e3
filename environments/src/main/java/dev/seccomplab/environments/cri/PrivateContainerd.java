package dev.seccomplab.environments.cri;

import dev.seccomplab.environments.HostExecutables;
import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.Progress;
import dev.seccomplab.environments.ProgressTicker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A containerd of the lab's own, one per lab process: its root, state, socket and log live in one
 * directory named after the owner ({@code host_pid}), and it goes away with the process.
 *
 * <p>containerd runs under a small shell watchdog that holds a pipe from the lab. When the lab
 * closes the pipe, or dies and the kernel closes it (even on {@code kill -9}), the watchdog stops
 * containerd. Pods a killed lab left behind keep running in their shims until the next lab run
 * finds the directory of a dead owner and removes them ({@link CriLeftovers}).
 */
public final class PrivateContainerd implements AutoCloseable {

    static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    static final String CONFIG = "config.toml";
    static final String LOG = "containerd.log";
    static final String PID = "containerd.pid";

    /**
     * $1 containerd, $2 config, $3 log, $4 pid file. A reader on the lab's pipe stops containerd at
     * end of file; the shell itself waits for containerd, so it ends when containerd ends.
     */
    private static final String WATCHDOG = String.join("\n",
            "exec 3<&0",
            "\"$1\" --config \"$2\" >>\"$3\" 2>&1 </dev/null 3<&- &",
            "containerd=$!",
            "echo $containerd >\"$4\"",
            "{ read -r ignored <&3; kill -TERM $containerd 2>/dev/null; } &",
            "reader=$!",
            "wait $containerd",
            "status=$?",
            "kill $reader 2>/dev/null",
            "exit $status");

    private final Path directory;
    private final Process watchdog;
    private final long pid;
    private final String version;

    private PrivateContainerd(Path directory, Process watchdog, long pid, String version) {
        this.directory = directory;
        this.watchdog = watchdog;
        this.pid = pid;
        this.version = version;
    }

    /** Writes a fresh configuration into {@code directory} and starts containerd on it. */
    public static PrivateContainerd start(Path directory, String sandboxImage, Progress progress) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(CONFIG),
                    ContainerdConfig.render(directory.toAbsolutePath(), sandboxImage, snapshotterFor(directory)));
        } catch (IOException e) {
            throw new LabEnvironmentException("Cannot prepare " + directory + " for the lab's containerd: " + e
                    + ". The cri environment needs root (it runs containerd); run the lab as root.", e);
        }
        return launch(directory, progress);
    }

    /** Starts containerd again on a directory that already has its configuration (a leftover's). */
    static PrivateContainerd launch(Path directory, Progress progress) {
        Path binary = binary();
        long started = System.nanoTime();
        progress.step("starting containerd (" + binary + ") with root, state and socket in " + directory);
        Process watchdog;
        try {
            Files.deleteIfExists(directory.resolve(PID));
            watchdog = new ProcessBuilder("sh", "-c", WATCHDOG, "seccomp-lab-containerd", binary.toString(),
                    directory.resolve(CONFIG).toString(), directory.resolve(LOG).toString(), directory.resolve(PID).toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.appendTo(directory.resolve(LOG).toFile()))
                    .start();
        } catch (IOException e) {
            throw new LabEnvironmentException("Cannot start containerd: " + e.getMessage(), e);
        }
        String version;
        try (ProgressTicker ticker = new ProgressTicker(progress, "waiting for containerd to answer on its socket", 5)) {
            version = awaitAnswer(directory, watchdog);
        } catch (RuntimeException e) {
            watchdog.destroyForcibly();
            throw e;
        }
        long pid = readPid(directory).orElseThrow();
        progress.step("containerd " + version + " is up after " + Duration.ofNanos(System.nanoTime() - started).toMillis()
                + " ms (pid " + pid + ", socket " + directory.resolve(ContainerdConfig.SOCKET) + ")");
        return new PrivateContainerd(directory, watchdog, pid, version);
    }

    /** The containerd still running on a leftover directory, if any: its watchdog belonged to a process now gone. */
    static Optional<PrivateContainerd> attachIfRunning(Path directory) {
        return readPid(directory)
                .filter(pid -> isContainerdOf(pid, directory))
                .map(pid -> new PrivateContainerd(directory, null, pid, "(already running)"));
    }

    public Path socket() {
        return directory.resolve(ContainerdConfig.SOCKET);
    }

    public Path directory() {
        return directory;
    }

    public String version() {
        return version;
    }

    /** containerd's start-up and shut-down log, for error messages. */
    public Path log() {
        return directory.resolve(LOG);
    }

    /**
     * Stops containerd and removes its directory, with anything of its work that its pods' removal
     * did not take along (see {@link OrphanSweep}).
     */
    @Override
    public void close() {
        stop();
        OrphanSweep.sweep(directory);
        deleteRecursively(directory);
    }

    private void stop() {
        if (watchdog != null) {
            try {
                watchdog.getOutputStream().close();
            } catch (IOException alreadyClosed) {
                // The watchdog sees end of file either way.
            }
            awaitExit(watchdog.toHandle());
        } else {
            ProcessHandle.of(pid).ifPresent(containerd -> {
                containerd.destroy();
                awaitExit(containerd);
            });
        }
    }

    /** Waits for a graceful stop; a process that outstays {@link #STOP_TIMEOUT} is killed. */
    private void awaitExit(ProcessHandle process) {
        try {
            process.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        } catch (InterruptedException e) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            Thread.currentThread().interrupt();
        }
    }

    private static String awaitAnswer(Path directory, Process watchdog) {
        Path socket = directory.resolve(ContainerdConfig.SOCKET);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        LabEnvironmentException last = null;
        while (System.nanoTime() < deadline) {
            if (!watchdog.isAlive()) {
                throw new LabEnvironmentException("containerd stopped while starting. The end of its log ("
                        + directory.resolve(LOG) + "):\n" + tail(directory.resolve(LOG), 8));
            }
            if (Files.exists(socket)) {
                try (CriClient cri = CriClient.connect(socket)) {
                    return cri.version().getRuntimeVersion();
                } catch (LabEnvironmentException notYet) {
                    last = notYet;
                }
            }
            sleep(20);
        }
        throw new LabEnvironmentException("containerd did not answer on " + socket + " within " + START_TIMEOUT.toSeconds()
                + " s" + (last == null ? "" : " (" + last.getMessage() + ")") + ". The end of its log:\n"
                + tail(directory.resolve(LOG), 8));
    }

    static Path binary() {
        return HostExecutables.find("containerd").orElseThrow(() -> new LabEnvironmentException(
                "The cri environment runs containerd, and this host has none (looked on PATH and in /usr/sbin, /sbin). "
                        + "Install it (Debian: apt-get install containerd), or point --cri-socket at a running CRI runtime."));
    }

    /** overlayfs cannot sit on overlayfs: a lab inside a container gets the native snapshotter. */
    static String snapshotterFor(Path directory) throws IOException {
        return "overlay".equals(Files.getFileStore(directory).type()) ? "native" : "overlayfs";
    }

    private static Optional<Long> readPid(Path directory) {
        try {
            return Optional.of(Long.parseLong(Files.readString(directory.resolve(PID)).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isContainerdOf(long pid, Path directory) {
        try {
            String cmdline = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ');
            return cmdline.contains("containerd") && cmdline.contains(directory.resolve(CONFIG).toString());
        } catch (IOException gone) {
            return false;
        }
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove " + directory + " (is something still mounted in it?)", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabEnvironmentException("Interrupted while waiting for containerd", e);
        }
    }
}
