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
        kernel.startCellJvm();
        connection.waitUntilClose();
        kernel.onShutdown(false);
    }

    /**
     * Loads what a kernel loads in its first seconds (the protocol classes, JShell's compiler on a
     * first cell), for {@link KernelSpec} to record into a class-data-sharing archive.
     */
    public static void train() throws Exception {
        String connection = "{\"transport\":\"tcp\",\"ip\":\"127.0.0.1\",\"control_port\":0,\"shell_port\":0,"
                + "\"stdin_port\":0,\"hb_port\":0,\"iopub_port\":0,\"signature_scheme\":\"hmac-sha256\",\"key\":\"train\"}";
        KernelConnectionProperties properties = KernelConnectionProperties.parse(connection);
        new LabConnection(properties).close();
        try (jdk.jshell.JShell shell = jdk.jshell.JShell.builder().executionEngine("local").build()) {
            shell.eval("1 + 1");
            shell.sourceCodeAnalysis().completionSuggestions("System.out.pri", 14, new int[1]);
            shell.sourceCodeAnalysis().analyzeCompletion("int x = ");
        }
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
