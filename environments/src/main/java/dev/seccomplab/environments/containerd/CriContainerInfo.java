package dev.seccomplab.environments.containerd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.MainProcessStatus;
import dev.seccomplab.environments.RuntimeSeccompSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * containerd's own account of a container: the {@code info} that a verbose CRI ContainerStatus
 * carries, which {@code crictl inspect} prints as {@code .info}. It holds the OCI runtime spec
 * containerd handed to runc and the PID of the container's main process.
 *
 * @param info the parsed {@code info} object
 * @param source how it was obtained, for evidence and errors
 */
public record CriContainerInfo(JsonNode info, String source) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** @param infoJson the {@code info} object as JSON text */
    public static CriContainerInfo parse(String infoJson, String source) {
        try {
            return new CriContainerInfo(JSON.readTree(infoJson), source);
        } catch (IOException e) {
            throw new LabEnvironmentException(source + " did not give JSON: " + e.getMessage(), e);
        }
    }

    public RuntimeSeccompSpec runtimeSeccomp() {
        JsonNode spec = info.path("runtimeSpec");
        if (spec.isMissingNode()) {
            throw new LabEnvironmentException(source + " has no runtimeSpec: the runtime is not containerd, or it gave no "
                    + "verbose information");
        }
        return RuntimeSeccompSpec.of(spec, source + " .info.runtimeSpec.linux.seccomp");
    }

    /**
     * {@code /proc/PID/status} of the container's main process, read on this host, where the
     * runtime runs: what an administrator on the node does after {@code crictl inspect}.
     *
     * @param node the node's name in the evidence
     */
    public MainProcessStatus mainProcessStatus(String node) {
        long pid = pid();
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try {
            return new MainProcessStatus(Files.readString(status), "PID " + pid + " from " + source + " .info.pid, then " + status
                    + " on " + node, Optional.of(Files.readSymbolicLink(status.resolveSibling("ns").resolve("pid")).toString()));
        } catch (IOException e) {
            throw new LabEnvironmentException("Cannot read " + status + " (" + e + "); has the container's process exited?", e);
        }
    }

    /** The host PID of the container's main process (0 when it is not running). */
    public long pid() {
        JsonNode pid = info.path("pid");
        if (!pid.canConvertToLong()) {
            throw new LabEnvironmentException(source + " has no pid of the container's main process");
        }
        return pid.asLong();
    }
}
