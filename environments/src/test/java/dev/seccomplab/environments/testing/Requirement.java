package dev.seccomplab.environments.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;

/** A test's need that this host does not meet: a skip with the reason, or a failure where CI forbids skipping. */
final class Requirement {

    private Requirement() {
    }

    /** @param requireVariable set to 1 on CI: the need must be met there */
    static ConditionEvaluationResult unmet(String requireVariable, String reason) {
        if ("1".equals(System.getenv(requireVariable))) {
            throw new IllegalStateException(reason + " (" + requireVariable + "=1 forbids skipping)");
        }
        System.out.println("skipped: " + reason);
        return ConditionEvaluationResult.disabled(reason);
    }
}
