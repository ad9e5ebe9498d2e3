package dev.seccomplab.environments.kind;

import dev.seccomplab.environments.ExecResult;
import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.docker.ContainerExec;
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
        return ContainerExec.run(node, "the node", command);
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
