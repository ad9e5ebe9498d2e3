package dev.seccomplab.environments.testing;

import dev.seccomplab.environments.EnvironmentOptions;
import dev.seccomplab.environments.cri.CriProvider;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips a test class or method when the lab cannot start a containerd of its own here (no
 * containerd, or not root), saying why; CI sets {@code SECCOMP_LAB_REQUIRE_CRI=1} so that this
 * fails the build instead.
 */
public final class RequiresCri implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<String> whyNot = new CriProvider().whyNotHere(EnvironmentOptions.defaults());
        if (whyNot.isEmpty()) {
            return ConditionEvaluationResult.enabled("containerd can be started here");
        }
        return Requirement.unmet("SECCOMP_LAB_REQUIRE_CRI", "the cri environment cannot start here: " + whyNot.get()
                + "; install containerd and run as root to run " + context.getDisplayName());
    }
}
