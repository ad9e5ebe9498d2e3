package dev.seccomplab.environments.kind;

import dev.seccomplab.environments.ExecResult;
import dev.seccomplab.environments.LabEnvironmentException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.images.builder.Transferable;

/**
 * A shell on the kind node, which is a container: {@code docker exec} and {@code docker cp}, the
 * way an administrator would reach a kubeadm node over ssh.
 */
public final class NodeShell {

    private final GenericContainer<?> node;

    public NodeShell(GenericContainer<?> node) {
        this.node = node;
    }

    public ExecResult exec(String... command) {
        try {
            var result = node.execInContainer(command);
            return new ExecResult(result.getExitCode(), result.getStdout(), result.getStderr());
        } catch (IOException e) {
            throw new LabEnvironmentException("exec " + String.join(" ", command) + " on the node failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabEnvironmentException("exec on the node was interrupted", e);
        }
    }

    /** Runs a command that must succeed; a failure names the command and its output. */
    public String run(String... command) {
        ExecResult result = exec(command);
        if (!result.succeeded()) {
            throw new LabEnvironmentException("'" + String.join(" ", command) + "' failed on the node: " + result.transcript());
        }
        return result.stdout();
    }

    public String read(String path) {
        return run("cat", path);
    }

    public void write(String path, byte[] content, int mode) {
        node.copyFileToContainer(Transferable.of(content, mode), path);
    }

    public void write(String path, String content) {
        write(path, content.getBytes(StandardCharsets.UTF_8), 0644);
    }
}
