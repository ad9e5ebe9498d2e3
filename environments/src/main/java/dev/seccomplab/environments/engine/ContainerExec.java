package dev.seccomplab.environments.engine;

import dev.seccomplab.environments.ExecResult;
import dev.seccomplab.environments.LabEnvironmentException;
import java.io.IOException;
import org.testcontainers.containers.Container;

/** {@code docker exec} through Testcontainers, with the lab's result type and errors that say where it ran. */
public final class ContainerExec {

    private ContainerExec() {
    }

    /** @param where the container in words, e.g. {@code pod runtime-default-x7k2q} */
    public static ExecResult run(Container<?> container, String where, String... command) {
        try {
            var result = container.execInContainer(command);
            return new ExecResult(result.getExitCode(), result.getStdout(), result.getStderr());
        } catch (IOException e) {
            throw new LabEnvironmentException("exec " + String.join(" ", command) + " in " + where + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabEnvironmentException("exec in " + where + " was interrupted", e);
        }
    }
}
