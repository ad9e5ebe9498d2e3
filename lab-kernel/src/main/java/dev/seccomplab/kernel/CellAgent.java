package dev.seccomplab.kernel;

import dev.seccomplab.notebook.DisplayChannel;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
        LocalExecutionControl control = new FlushingControl();
        Signal.handle(new Signal(STOP_SIGNAL), signal -> stop(control));
        Map<String, Consumer<OutputStream>> outputs = Map.of(
                "out", stream -> System.setOut(buffered(stream)),
                "err", stream -> System.setErr(buffered(stream)),
                DisplayChannel.STREAM, DisplayChannel::connect);
        startPeriodicFlush();
        Map<String, Consumer<InputStream>> inputs = Map.of("in", System::setIn);
        Util.forwardExecutionControlAndIO(control, commands, protocol, outputs, inputs);
        // The kernel has gone (closed, or killed): its pipe ended. Exit, so that shutdown hooks
        // (the lab's clean-up of pods) run now rather than never.
        System.exit(0);
    }

    /**
     * Each write to a stream JShell multiplexes becomes a packet; printing line by line would send
     * one packet per line. Output is buffered instead, and flushed every {@value #FLUSH_MILLIS} ms
     * and whenever a cell's code returns, so it still streams and is complete before the result.
     */
    static final long FLUSH_MILLIS = 20;

    private static PrintStream buffered(OutputStream stream) {
        return new PrintStream(new BufferedOutputStream(stream, 1 << 16), false, StandardCharsets.UTF_8);
    }

    private static void flushOutput() {
        System.out.flush();
        System.err.flush();
    }

    private static void startPeriodicFlush() {
        Thread flusher = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(FLUSH_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
                flushOutput();
            }
        }, "cell-output-flush");
        flusher.setDaemon(true);
        flusher.start();
    }

    /** JShell's local control, flushing the cell's output before its result goes back. */
    private static final class FlushingControl extends LocalExecutionControl {
        @Override
        public String invoke(String className, String methodName) throws RunException, InternalException, EngineTerminationException {
            try {
                return super.invoke(className, methodName);
            } finally {
                flushOutput();
            }
        }
    }

    private static void stop(LocalExecutionControl control) {
        try {
            control.stop();
        } catch (Exception e) {
            System.err.println("seccomp-lab: could not stop the cell: " + e);
        }
    }
}
