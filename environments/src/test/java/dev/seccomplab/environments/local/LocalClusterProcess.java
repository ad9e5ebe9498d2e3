package dev.seccomplab.environments.local;

import dev.seccomplab.environments.binaries.KubernetesBinaries;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A local cluster owned by a JVM of its own, for the tests that kill its owner with {@code kill -9}
 * and check what the next lab process makes of what is left.
 */
final class LocalClusterProcess {

    static final String READY = "cluster ready";

    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private LocalClusterProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            } catch (IOException ended) {
                // The process is gone.
            }
        });
        reader.setDaemon(true);
        reader.start();
    }

    /** Runs in the child: starts the cluster in {@code args[0]}, says so, and keeps it until its stdin ends. */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]);
        try (LocalEnvironment local = new LocalEnvironment(KubernetesBinaries.inStateDirectory(), new LocalLayout(root),
                root.resolveSibling(root.getFileName() + "-profiles"), true)) {
            local.start(step -> System.out.println(step));
            System.out.println(READY);
            System.in.read();
        }
    }

    static LocalClusterProcess start(Path root) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new LocalClusterProcess(new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                LocalClusterProcess.class.getName(), root.toString()).redirectErrorStream(true).start());
    }

    /** Waits until a line of the child's output matches; fails with all it said when it does not within the time. */
    LocalClusterProcess awaitLine(Predicate<String> wanted, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (lines.stream().noneMatch(wanted)) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                process.destroyForcibly();
                throw new AssertionError("the cluster's process did not get there; it said:\n" + String.join("\n", lines));
            }
            Thread.sleep(20);
        }
        return this;
    }

    /** {@code kill -9}, and the wait for it. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    long pid() {
        return process.pid();
    }
}
