package dev.seccomplab.environments.testing;

import dev.seccomplab.environments.docker.DockerEngine;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips a test class when no Docker engine answers, saying why; CI sets
 * {@code SECCOMP_LAB_REQUIRE_DOCKER=1} so that a missing engine fails the build instead.
 */
public final class RequiresDocker implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        if (DockerEngine.isAvailable()) {
            return;
        }
        String reason = "no Docker engine answers (DOCKER_HOST or /var/run/docker.sock); start dockerd to run "
                + context.getDisplayName();
        if ("1".equals(System.getenv("SECCOMP_LAB_REQUIRE_DOCKER"))) {
            throw new IllegalStateException(reason + " (SECCOMP_LAB_REQUIRE_DOCKER=1 forbids skipping)");
        }
        Assumptions.abort(reason);
    }
}
