package dev.seccomplab.kernel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/** The kernelspec Jupyter reads to start the kernel: kernel.json and its logos. */
public final class KernelSpec {

    public static final String DIRECTORY_NAME = LabKernel.NAME;
    /** Small heap and a quick JIT: a kernel mostly waits, and should start fast and stay small. */
    static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-Xmx256m");

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
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("kernel.json").toFile(), kernelJson(java, labJar));
        writeLogo(dir.resolve("logo-64x64.png"), 64);
        writeLogo(dir.resolve("logo-32x32.png"), 32);
        return dir;
    }

    static Map<String, Object> kernelJson(Path java, Path labJar) {
        List<String> argv = new java.util.ArrayList<>();
        argv.add(java.toString());
        argv.addAll(JVM_OPTIONS);
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
