package dev.seccomplab.environments.testing;

import dev.seccomplab.environments.engine.DockerEngine;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips a test class or method when no Docker engine answers, saying why; CI sets
 * {@code SECCOMP_LAB_REQUIRE_DOCKER=1} so that a missing engine fails the build instead. An
 * execution condition, so it works on methods as well as on classes.
 */
public final class RequiresDocker implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (DockerEngine.isAvailable()) {
            return ConditionEvaluationResult.enabled("a Docker engine answers");
        }
        return Requirement.unmet("SECCOMP_LAB_REQUIRE_DOCKER", "no Docker engine answers (DOCKER_HOST or "
                + "/var/run/docker.sock); start dockerd to run " + context.getDisplayName());
    }
}
