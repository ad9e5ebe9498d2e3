package dev.seccomplab.environments;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seccomplab.environments.profile.SeccompProfileSummary;
import java.util.Optional;

/**
 * The {@code linux.seccomp} section of a container's OCI runtime spec, as the runtime wrote it.
 *
 * @param source where it was read (a file path or a command), for the evidence
 * @param seccomp the section, or empty when the runtime attached no profile
 */
public record RuntimeSeccompSpec(String source, Optional<JsonNode> seccomp) {

    /** Takes {@code linux.seccomp} out of a whole OCI runtime spec. */
    public static RuntimeSeccompSpec of(JsonNode runtimeSpec, String source) {
        JsonNode seccomp = runtimeSpec.path("linux").path("seccomp");
        return new RuntimeSeccompSpec(source, seccomp.isMissingNode() || seccomp.isNull() ? Optional.empty() : Optional.of(seccomp));
    }

    public Optional<SeccompProfileSummary> summary() {
        return seccomp.map(SeccompProfileSummary::of);
    }
}
