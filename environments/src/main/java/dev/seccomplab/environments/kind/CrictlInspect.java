package dev.seccomplab.environments.kind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.RuntimeSeccompSpec;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code crictl inspect ID} on the node: the CRI's view of a container, whose
 * {@code .info.runtimeSpec} is the OCI spec containerd handed to runc.
 */
final class CrictlInspect {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CrictlInspect() {
    }

    static String[] command(String containerId) {
        return new String[] {"crictl", "inspect", containerId};
    }

    static RuntimeSeccompSpec seccompOf(String inspectJson, String containerId) {
        JsonNode spec;
        try {
            spec = JSON.readTree(inspectJson).path("info").path("runtimeSpec");
        } catch (IOException e) {
            throw new LabEnvironmentException("crictl inspect " + containerId + " did not print JSON: " + e.getMessage(), e);
        }
        if (spec.isMissingNode()) {
            throw new LabEnvironmentException("crictl inspect " + containerId + " has no .info.runtimeSpec"
                    + " (is crictl talking to containerd in verbose mode?)");
        }
        JsonNode seccomp = spec.path("linux").path("seccomp");
        return new RuntimeSeccompSpec("crictl inspect " + containerId + " | jq .info.runtimeSpec.linux.seccomp",
                seccomp.isMissingNode() ? Optional.empty() : Optional.of(seccomp));
    }
}
