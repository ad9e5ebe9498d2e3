package dev.seccomplab.kernel;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import jdk.jshell.JShell;

/**
 * The class paths of a cell: the cell JVM runs on everything the lab runs on, and JShell's
 * compiler sees only the lab's own classes (the notebook API, scenarios, environments) and the JDK.
 * javac opens and indexes every jar it is given, and all of lib/ cost the kernel JVM about 45 MB of
 * heap (71 against 26 MiB live in a JShell on JDK 25, measured 2026-12-07). A cell that needs a
 * library's own types adds it with {@code %maven} or {@code %jars}, as in any Java kernel.
 *
 * @param runtime this process's class path, with the jars that a jar's manifest names
 * @param compile the lab's part of it: class directories, the lab's own module jars, and the lab's
 *     jar as its {@code -cell-api} twin, which carries no manifest Class-Path for javac to follow
 */
record CellClassPath(String runtime, String compile) {

    /** The lab's modules besides lab-kernel, as maven-dependency-plugin names their jars in lib/. */
    static final List<String> LAB_MODULE_JARS = List.of("environments-", "scenarios-");

    static synchronized CellClassPath ofThisProcess() throws IOException {
        return of(System.getProperty("java.class.path"));
    }

    /**
     * Builds a JShell whose compiler starts from {@link #compile()}. jdk.jshell's TaskFactory seeds
     * javac's class path with this JVM's {@code java.class.path}, read when a JShell is built, and
     * JShell has no option to leave it out; so the property says the compile path meanwhile.
     * (JShell then adds the same path again, which javac's class path, a set, keeps once.)
     */
    JShell build(JShell.Builder builder) {
        synchronized (CellClassPath.class) {
            String own = System.getProperty("java.class.path");
            System.setProperty("java.class.path", compile);
            try {
                return builder.build();
            } finally {
                System.setProperty("java.class.path", own);
            }
        }
    }

    static CellClassPath of(String classPath) throws IOException {
        Set<String> runtime = new LinkedHashSet<>();
        Set<String> compile = new LinkedHashSet<>();
        for (String written : classPath.split(File.pathSeparator)) {
            Path entry = Path.of(written).toAbsolutePath();
            List<Path> named = manifestClassPath(entry);
            runtime.add(entry.toString());
            named.forEach(jar -> runtime.add(jar.toString()));
            if (Files.isDirectory(entry) || isLabModule(entry)) {
                compile.add(entry.toString());
            } else if (!named.isEmpty()) {
                compile.add(cellApiTwin(entry).toString());
                named.stream().filter(CellClassPath::isLabModule).forEach(jar -> compile.add(jar.toString()));
            }
        }
        return new CellClassPath(String.join(File.pathSeparator, runtime), String.join(File.pathSeparator, compile));
    }

    private static boolean isLabModule(Path jar) {
        String name = jar.getFileName().toString();
        return name.endsWith(".jar") && LAB_MODULE_JARS.stream().anyMatch(name::startsWith);
    }

    /** lab.jar → lab-cell-api.jar, built beside it by lab-kernel's pom. */
    static Path cellApiTwin(Path jar) throws IOException {
        String name = jar.getFileName().toString();
        Path twin = jar.resolveSibling(name.substring(0, name.length() - ".jar".length()) + "-cell-api.jar");
        if (!Files.isRegularFile(twin)) {
            throw new IOException(twin + " is missing beside " + jar + ": cells compile against it. Rebuild the lab "
                    + "('mvn -B -DskipTests install'), then reinstall the kernel ('./lab kernel install').");
        }
        return twin;
    }

    private static List<Path> manifestClassPath(Path entry) throws IOException {
        List<Path> jars = new ArrayList<>();
        if (!entry.toString().endsWith(".jar") || !Files.isRegularFile(entry)) {
            return jars;
        }
        try (JarFile jar = new JarFile(entry.toFile())) {
            Manifest manifest = jar.getManifest();
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (classPath != null) {
                for (String relative : classPath.trim().split("\\s+")) {
                    jars.add(entry.getParent().resolve(relative));
                }
            }
        }
        return jars;
    }
}
