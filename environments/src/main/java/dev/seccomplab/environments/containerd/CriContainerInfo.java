package dev.seccomplab.environments.containerd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.RuntimeSeccompSpec;
import java.io.IOException;

/**
 * containerd's own account of a container: the {@code info} that a verbose CRI ContainerStatus
 * carries, which {@code crictl inspect} prints as {@code .info}. It holds the OCI runtime spec
 * containerd handed to runc and the PID of the container's main process. The kind environment
 * (through crictl) and the cri environment (through the CRI) read it with this one parser.
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

    /** {@code crictl inspect ID}'s output, whose {@code .info} is this object. */
    public static CriContainerInfo ofCrictlInspect(String inspectJson, String source) {
        JsonNode info = parse(inspectJson, source).info().path("info");
        if (info.isMissingNode()) {
            throw new LabEnvironmentException(source + " has no .info (is crictl talking to containerd in verbose mode?)");
        }
        return new CriContainerInfo(info, source);
    }

    public RuntimeSeccompSpec runtimeSeccomp() {
        JsonNode spec = info.path("runtimeSpec");
        if (spec.isMissingNode()) {
            throw new LabEnvironmentException(source + " has no runtimeSpec: the runtime is not containerd, or it gave no "
                    + "verbose information");
        }
        return RuntimeSeccompSpec.of(spec, source + " .info.runtimeSpec.linux.seccomp");
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
