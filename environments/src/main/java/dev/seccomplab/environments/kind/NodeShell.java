package dev.seccomplab.environments.kind;

import dev.seccomplab.environments.ExecResult;
import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.engine.ContainerExec;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
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

    /**
     * Copies a file into the node with Docker's archive API. That API writes to the container's
     * own file system, beneath any tmpfs mounted over the path, where the running node would never
     * see the file: such paths are refused.
     */
    public void write(String path, byte[] content, int mode) {
        tmpfsHolding(path).ifPresent(mount -> {
            throw new LabEnvironmentException("Cannot copy " + path + " into the node: " + mount + " is a tmpfs there, and "
                    + "Docker writes beneath it, where the node does not see the file. Use a path outside " + mount + ".");
        });
        node.copyFileToContainer(Transferable.of(content, mode), path);
    }

    public void write(String path, String content) {
        write(path, content.getBytes(StandardCharsets.UTF_8), 0644);
    }

    private Optional<String> tmpfsHolding(String path) {
        Map<String, String> tmpfs = node.getContainerInfo().getHostConfig().getTmpFs();
        return tmpfs == null ? Optional.empty()
                : tmpfs.keySet().stream().filter(mount -> path.equals(mount) || path.startsWith(mount + "/")).findFirst();
    }
}
