package dev.seccomplab.kernel;

import dev.seccomplab.notebook.DisplayChannel;
import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jdk.jshell.execution.StreamingExecutionControl;
import jdk.jshell.execution.Util;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/** A JShell execution engine that runs cells in a {@link CellAgent} child process, talking over its pipes. */
final class PipeExecutionEngine implements ExecutionControlProvider {

    private final String classPath;
    private final List<String> vmOptions;
    private final OutputStream display;

    /** @param display where the cell JVM's {@link DisplayChannel} frames arrive */
    PipeExecutionEngine(String classPath, List<String> vmOptions, OutputStream display) {
        this.classPath = classPath;
        this.vmOptions = List.copyOf(vmOptions);
        this.display = display;
    }

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    @Override
    public String name() {
        return "seccomp-lab-pipe";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) throws IOException {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            // A process group of its own: Jupyter kills a kernel's whole group (SIGKILL), and the
            // cell JVM must outlive the kernel long enough to remove the pods its cells started.
            // It notices the kernel's end when its pipe closes (CellAgent).
            command.add(SETSID.toString());
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(vmOptions);
        command.addAll(List.of("-cp", classPath, CellAgent.class.getName()));
        Process agent = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        agent.onExit().thenRun(env::closeDown);
        return Util.remoteInputOutput(agent.getInputStream(), agent.getOutputStream(),
                Map.of("out", env.userOut(), "err", env.userErr(), DisplayChannel.STREAM, display), Map.of("in", env.userIn()),
                (in, out) -> new AgentControl(out, in, agent));
    }

    /** JShell's streaming control, with stop by signal and a close that ends the child. */
    private static final class AgentControl extends StreamingExecutionControl {

        private final Process agent;

        AgentControl(ObjectOutput out, ObjectInput in, Process agent) {
            super(out, in);
            this.agent = agent;
        }

        @Override
        public void stop() throws EngineTerminationException, InternalException {
            try {
                Process kill = new ProcessBuilder("kill", "-" + CellAgent.STOP_SIGNAL, Long.toString(agent.pid()))
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                kill.waitFor();
            } catch (IOException e) {
                throw new InternalException("cannot signal the cell's process: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            super.close();
            agent.destroy();
        }
    }

}
