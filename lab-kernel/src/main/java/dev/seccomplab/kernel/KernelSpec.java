package dev.seccomplab.kernel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * The kernelspec Jupyter reads to start the kernel: kernel.json (the JVM, its start-up cache), its
 * logos, and kernel.js for Notebook 6's highlighting.
 */
public final class KernelSpec {

    public static final String DIRECTORY_NAME = LabKernel.NAME;
    /** The lab's jar and its lib/, copied beside kernel.json: 'mvn clean' or a moved checkout leaves the kernel working. */
    static final String BUNDLE = "lab";
    /**
     * Small heap and the quick JIT only: a kernel mostly waits, and should start fast and stay
     * small. Measured here (bench/README.md), C2 made cells slower, its compiler threads competing
     * with javac on two cores; a small young generation and a heap that gives memory back kept
     * the kernel JVM about 25 MiB smaller and cells no slower.
     */
    static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Xms16m", "-Xmx256m", "-Xmn8m", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=20",
            "-XX:ReservedCodeCacheSize=64m");
    static final Duration TRAINING_LIMIT = Duration.ofMinutes(2);

    private KernelSpec() {
    }

    /** What {@link #install} wrote, and how the kernel will start. */
    public record Installed(Path dir, String jvm, Training training) {
    }

    /** The start-up cache's training run: its cache, or why there is none. */
    public record Training(String cache, Optional<Path> file, Duration took, String problem) {
        public boolean succeeded() {
            return file.isPresent();
        }
    }

    /**
     * Writes {@code kernels/seccomp-lab/} under a Jupyter data directory, for the newest JVM with the
     * AOT cache that this machine has (or the running one), unless {@code requested} names one.
     *
     * @param jupyterDataDir e.g. ~/.local/share/jupyter, or PREFIX/share/jupyter
     * @param requested the JDK to run the kernel on, or empty to choose
     * @param labJar the lab's jar, with its lib/ beside it
     * @param progress told before the training run, which takes seconds
     */
    public static Installed install(Path jupyterDataDir, Optional<Path> requested, Path labJar, Consumer<String> progress)
            throws IOException {
        KernelJvm jvm = requested.isPresent() ? requestedJvm(requested.get())
                : KernelJvm.choose(KernelJvm.running(), Optional.ofNullable(System.getenv("JAVA_HOME")).map(Path::of),
                        KernelJvm.SYSTEM_JVMS);
        Path dir = jupyterDataDir.resolve("kernels").resolve(DIRECTORY_NAME);
        Files.createDirectories(dir);
        Path bundled = bundle(labJar, dir.resolve(BUNDLE));
        StartupCache cache = jvm.startupCache();
        progress.accept("training the kernel's " + cache.description() + " on " + jvm.describe() + " (one kernel start)");
        Training training = train(jvm.java(), bundled, cache, cache.file(dir));
        Map<String, Object> json = kernelJson(jvm.java(), bundled, training.file().map(cache::use));
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("kernel.json").toFile(), json);
        writeLogo(dir.resolve("logo-64x64.png"), 64);
        writeLogo(dir.resolve("logo-32x32.png"), 32);
        try (InputStream notebookSix = KernelSpec.class.getResourceAsStream("kernel.js")) {
            Files.copy(Objects.requireNonNull(notebookSix, "kernel.js is missing from the lab's jar"), dir.resolve("kernel.js"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        return new Installed(dir, jvm.describe(), training);
    }

    private static KernelJvm requestedJvm(Path home) {
        KernelJvm jvm = KernelJvm.at(home).orElseThrow(() -> new IllegalArgumentException(
                "--java " + home + ": no JDK there (it needs bin/java and a release file); name a JDK's directory, e.g. $JAVA_HOME"));
        if (jvm.version().feature() < KernelJvm.OLDEST_FEATURE) {
            throw new IllegalArgumentException("--java " + home + ": " + jvm.describe() + " is too old; the lab needs Java "
                    + KernelJvm.OLDEST_FEATURE + " or newer");
        }
        return jvm;
    }

    /** Copies the jar, its cell-api twin and its lib/ (the jars its manifest names) into a fresh directory; returns the copied jar. */
    static Path bundle(Path labJar, Path target) throws IOException {
        if (Files.exists(target)) {
            try (Stream<Path> old = Files.walk(target)) {
                for (Path file : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        Path lib = labJar.getParent().resolve("lib");
        Files.createDirectories(target.resolve("lib"));
        Path jar = target.resolve(labJar.getFileName());
        Files.copy(labJar, jar);
        Path cellApi = CellClassPath.cellApiTwin(labJar);
        Files.copy(cellApi, target.resolve(cellApi.getFileName()));
        if (Files.isDirectory(lib)) {
            try (Stream<Path> jars = Files.list(lib)) {
                for (Path dependency : jars.toList()) {
                    Files.copy(dependency, target.resolve("lib").resolve(dependency.getFileName()));
                }
            }
        }
        return jar;
    }

    /**
     * Records what a kernel loads into the start-up cache, by running {@code kernel train} once with
     * the kernel's own options. Without a cache the kernel still works, only slower to start: a
     * failed training is reported, not thrown.
     */
    static Training train(Path java, Path labJar, StartupCache cache, Path file) throws IOException {
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of(cache.record(file), "-jar", labJar.toString(), "kernel", "train"));
        Files.deleteIfExists(file);
        Path log = Files.createTempFile("seccomp-lab-kernel-training", ".log");
        long started = System.nanoTime();
        try {
            Process training = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean done = training.waitFor(TRAINING_LIMIT.toSeconds(), TimeUnit.SECONDS);
            if (!done) {
                training.destroyForcibly().waitFor();
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            if (done && training.exitValue() == 0 && Files.isRegularFile(file)) {
                return new Training(cache.description(), Optional.of(file), took, "");
            }
            String why = !done ? "it ran longer than " + TRAINING_LIMIT.toSeconds() + " s"
                    : "exit " + training.exitValue() + lastLine(log);
            return new Training(cache.description(), Optional.empty(), took, why);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Training(cache.description(), Optional.empty(), Duration.ofNanos(System.nanoTime() - started), "interrupted");
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static String lastLine(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return lines.isEmpty() ? "" : ": " + lines.get(lines.size() - 1).strip();
    }

    static Map<String, Object> kernelJson(Path java, Path labJar, Optional<String> startupCacheOption) {
        List<String> argv = new ArrayList<>();
        argv.add(java.toString());
        argv.addAll(JVM_OPTIONS);
        startupCacheOption.ifPresent(argv::add);
        argv.addAll(List.of("-jar", labJar.toString(), "kernel", "run", "{connection_file}"));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("argv", argv);
        json.put("display_name", "Seccomp Lab (Java)");
        json.put("language", "java");
        // A SIGINT would run the JVM's shutdown hooks and end the kernel: interrupts come as messages.
        json.put("interrupt_mode", "message");
        json.put("env", Map.of("TESTCONTAINERS_RYUK_DISABLED", "true", "TESTCONTAINERS_HOST_OVERRIDE", "localhost"));
        json.put("metadata", Map.of("debugger", false));
        return json;
    }

    private static void writeLogo(Path file, int size) throws IOException {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0x32, 0x6c, 0xe5));
        g.fillRoundRect(0, 0, size, size, size / 4, size / 4);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, size * 11 / 20));
        var metrics = g.getFontMetrics();
        String text = "sc";
        g.drawString(text, (size - metrics.stringWidth(text)) / 2, (size - metrics.getHeight()) / 2 + metrics.getAscent());
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }
}
