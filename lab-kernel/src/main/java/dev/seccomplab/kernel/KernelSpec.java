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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/** The kernelspec Jupyter reads to start the kernel: kernel.json, its logos, and kernel.js for Notebook 6's highlighting. */
public final class KernelSpec {

    public static final String DIRECTORY_NAME = LabKernel.NAME;
    static final String CDS_ARCHIVE = "kernel-classes.jsa";
    /** The lab's jar and its lib/, copied beside kernel.json: 'mvn clean' or a moved checkout leaves the kernel working. */
    static final String BUNDLE = "lab";
    /**
     * Small heap and the quick JIT only: a kernel mostly waits, and should start fast and stay
     * small. Measured here (bench/README.md), C2 made cells slower, its compiler threads competing
     * with javac on two cores; a small young generation and a heap that gives memory back kept
     * the kernel JVM about 25 MiB smaller and cells no slower.
     */
    static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
            "-Xms16m", "-Xmx256m", "-Xmn8m", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=20",
            "-XX:ReservedCodeCacheSize=64m");

    private KernelSpec() {
    }

    /**
     * Writes {@code kernels/seccomp-lab/} under a Jupyter data directory.
     *
     * @param jupyterDataDir e.g. ~/.local/share/jupyter, or PREFIX/share/jupyter
     * @param java the java executable that will run the kernel
     * @param labJar the lab's jar, with its lib/ beside it
     * @return the kernelspec directory
     */
    public static Path install(Path jupyterDataDir, Path java, Path labJar) throws IOException {
        Path dir = jupyterDataDir.resolve("kernels").resolve(DIRECTORY_NAME);
        Files.createDirectories(dir);
        Path bundled = bundle(labJar, dir.resolve(BUNDLE));
        Path archive = dir.resolve(CDS_ARCHIVE);
        Map<String, Object> json = kernelJson(java, bundled, trainClassDataSharing(java, bundled, archive));
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("kernel.json").toFile(), json);
        writeLogo(dir.resolve("logo-64x64.png"), 64);
        writeLogo(dir.resolve("logo-32x32.png"), 32);
        try (InputStream notebookSix = KernelSpec.class.getResourceAsStream("kernel.js")) {
            Files.copy(Objects.requireNonNull(notebookSix, "kernel.js is missing from the lab's jar"), dir.resolve("kernel.js"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        return dir;
    }

    /** Copies the jar and its lib/ (the jars its manifest names) into a fresh directory; returns the copied jar. */
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
     * Records the classes a kernel loads into a class-data-sharing archive beside kernel.json, by
     * running {@code kernel train} once (JDK 13+ dynamic AppCDS). The kernel then starts from the
     * archive. Returns empty when the JVM cannot make one; the kernel then simply starts without it.
     */
    static Optional<Path> trainClassDataSharing(Path java, Path labJar, Path archive) {
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-jar", labJar.toString(), "kernel", "train"));
        try {
            Files.deleteIfExists(archive);
            Process training = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            boolean done = training.waitFor(120, TimeUnit.SECONDS);
            return done && training.exitValue() == 0 && Files.isRegularFile(archive) ? Optional.of(archive) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static Map<String, Object> kernelJson(Path java, Path labJar, Optional<Path> cdsArchive) {
        List<String> argv = new ArrayList<>();
        argv.add(java.toString());
        argv.addAll(JVM_OPTIONS);
        cdsArchive.ifPresent(archive -> argv.add("-XX:SharedArchiveFile=" + archive));
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
