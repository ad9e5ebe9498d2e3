package dev.seccomplab.kernel;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.function.Consumer;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.execution.Util;
import sun.misc.Signal;

/**
 * The JVM that runs cells. JShell's commands arrive on standard input and results leave on
 * standard output (pipes, not the loopback TCP link of JShell's own remote engine, whose small
 * writes wait on delayed acknowledgements: about 200 ms a cell). A stop request arrives as
 * SIGUSR2 and is passed to JShell's local execution control, which stops the cell's thread.
 */
public final class CellAgent {

    static final String STOP_SIGNAL = "USR2";

    private CellAgent() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream protocol = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true);
        InputStream commands = System.in;
        LocalExecutionControl control = new LocalExecutionControl();
        Signal.handle(new Signal(STOP_SIGNAL), signal -> stop(control));
        Map<String, Consumer<OutputStream>> outputs = Map.of(
                "out", stream -> System.setOut(new PrintStream(stream, true)),
                "err", stream -> System.setErr(new PrintStream(stream, true)));
        Map<String, Consumer<InputStream>> inputs = Map.of("in", System::setIn);
        Util.forwardExecutionControlAndIO(control, commands, protocol, outputs, inputs);
    }

    private static void stop(LocalExecutionControl control) {
        try {
            control.stop();
        } catch (Exception e) {
            System.err.println("seccomp-lab: could not stop the cell: " + e);
        }
    }
}
