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

    public Optional<SeccompProfileSummary> summary() {
        return seccomp.map(SeccompProfileSummary::of);
    }
}
