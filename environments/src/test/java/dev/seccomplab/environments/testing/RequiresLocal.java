package dev.seccomplab.environments.testing;

import dev.seccomplab.environments.EnvironmentOptions;
import dev.seccomplab.environments.local.LocalProvider;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips a test class or method when the local cluster cannot start here (its Kubernetes binaries
 * not built yet, no root, no containerd or CNI plugins), saying why; CI sets
 * {@code SECCOMP_LAB_REQUIRE_LOCAL=1} so that this fails the build instead.
 */
public final class RequiresLocal implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<String> whyNot = new LocalProvider().whyNotHere(EnvironmentOptions.defaults());
        if (whyNot.isEmpty()) {
            return ConditionEvaluationResult.enabled("the local cluster can start here");
        }
        return Requirement.unmet("SECCOMP_LAB_REQUIRE_LOCAL", "the local environment cannot start here: " + whyNot.get()
                + "; run './lab cluster build' as root to run " + context.getDisplayName());
    }
}
