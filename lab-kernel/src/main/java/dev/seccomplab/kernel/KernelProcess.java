package dev.seccomplab.kernel;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

/** One kernel process: bind where the connection file says, serve until shutdown, then exit. */
public final class KernelProcess {

    private KernelProcess() {
    }

    /** Blocks until the kernel is shut down. */
    public static void serve(Path connectionFile, String version) throws Exception {
        KernelConnectionProperties properties = KernelConnectionProperties.parse(Files.readString(connectionFile));
        LabKernel kernel = LabKernel.start(version, CellClassPath.ofThisProcess());
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
}
