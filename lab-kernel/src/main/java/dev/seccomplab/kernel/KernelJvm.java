package dev.seccomplab.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A Java installation that can run the kernel, as its {@code release} file describes it. The
 * kernel prefers a JDK with the AOT cache ({@link StartupCache#AOT_CACHE_SINCE} or newer), since
 * javac's cold start is most of a first cell's wait (bench/README.md).
 */
record KernelJvm(Path home, Runtime.Version version, String implementor) {

    /** The lab's jar is Java 17 bytecode. */
    static final int OLDEST_FEATURE = 17;
    /** Where Debian, Ubuntu and Temurin's packages put JDKs. */
    static final Path SYSTEM_JVMS = Path.of("/usr/lib/jvm");

    Path java() {
        return home.resolve("bin").resolve("java");
    }

    StartupCache startupCache() {
        return StartupCache.forFeature(version.feature());
    }

    /** e.g. "Java 25.0.3 (Eclipse Adoptium) in /usr/lib/jvm/temurin-25-jdk-amd64". */
    String describe() {
        return "Java " + version + (implementor.isEmpty() ? "" : " (" + implementor + ")") + " in " + home;
    }

    /** The JVM this process runs on. */
    static KernelJvm running() {
        Path home = Path.of(System.getProperty("java.home"));
        return at(home).orElseGet(() -> new KernelJvm(home, Runtime.version(), System.getProperty("java.vendor", "")));
    }

    /**
     * The installation at {@code home} (a JDK's directory, or its {@code bin/java}), if it has a
     * {@code java} and a readable {@code release} file.
     */
    static Optional<KernelJvm> at(Path home) {
        Path dir = home.endsWith(Path.of("bin", "java")) ? home.getParent().getParent() : home;
        Path release = dir.resolve("release");
        if (!Files.isExecutable(dir.resolve("bin").resolve("java")) || !Files.isRegularFile(release)) {
            return Optional.empty();
        }
        Properties fields = new Properties();
        try (InputStream in = Files.newInputStream(release)) {
            fields.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        String version = unquoted(fields.getProperty("JAVA_RUNTIME_VERSION", fields.getProperty("JAVA_VERSION", "")));
        try {
            return Optional.of(new KernelJvm(dir.toAbsolutePath().normalize(), Runtime.Version.parse(version),
                    unquoted(fields.getProperty("IMPLEMENTOR", ""))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The newest installation with the AOT cache among the running JVM, {@code JAVA_HOME} and the
     * system's JDKs; the running JVM when none has it.
     */
    static KernelJvm choose(KernelJvm running, Optional<Path> javaHome, Path systemJvms) {
        List<KernelJvm> candidates = new ArrayList<>(List.of(running));
        javaHome.flatMap(KernelJvm::at).ifPresent(candidates::add);
        if (Files.isDirectory(systemJvms)) {
            try (Stream<Path> dirs = Files.list(systemJvms)) {
                dirs.sorted().map(KernelJvm::at).flatMap(Optional::stream).forEach(candidates::add);
            } catch (IOException e) {
                // An unreadable directory has no candidates in it: the running JVM remains.
            }
        }
        return candidates.stream()
                .filter(jvm -> jvm.version.feature() >= StartupCache.AOT_CACHE_SINCE)
                .max(Comparator.comparing(KernelJvm::version))
                .orElse(running);
    }

    private static String unquoted(String value) {
        return value.strip().replaceAll("^\"|\"$", "");
    }
}
