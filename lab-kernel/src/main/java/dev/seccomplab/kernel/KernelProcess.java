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
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

/** One kernel process: bind where the connection file says, serve until shutdown, then exit. */
public final class KernelProcess {

    private KernelProcess() {
    }

    /** Blocks until the kernel is shut down. */
    public static void serve(Path connectionFile, String version) throws Exception {
        KernelConnectionProperties properties = KernelConnectionProperties.parse(Files.readString(connectionFile));
        LabKernel kernel = LabKernel.start(version, jshellClassPath());
        LabConnection connection = new LabConnection(properties);
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        connection.waitUntilClose();
        kernel.onShutdown(false);
    }

    /**
     * The class path cells compile and run against: this process's own, with the jars that a jar's
     * manifest names, since JShell's compiler is given the list explicitly.
     */
    static String jshellClassPath() throws IOException {
        Set<String> entries = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            entries.add(Path.of(entry).toAbsolutePath().toString());
            entries.addAll(manifestClassPath(Path.of(entry)));
        }
        return String.join(File.pathSeparator, entries);
    }

    private static List<String> manifestClassPath(Path entry) throws IOException {
        List<String> jars = new ArrayList<>();
        if (!entry.toString().endsWith(".jar") || !Files.isRegularFile(entry)) {
            return jars;
        }
        try (JarFile jar = new JarFile(entry.toFile())) {
            Manifest manifest = jar.getManifest();
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (classPath != null) {
                Path base = entry.toAbsolutePath().getParent();
                for (String relative : classPath.trim().split("\\s+")) {
                    jars.add(base.resolve(relative).toString());
                }
            }
        }
        return jars;
    }
}
