package dev.seccomplab.environments.testing;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

/**
 * A test's need that this host does not meet: a skip that prints its reason (a build log shows
 * why, not only the report), or a failure where CI forbids skipping.
 */
public final class Requirement {

    private Requirement() {
    }

    /** For an execution condition. @param requireVariable set to 1 on CI: the need must be met there */
    static ConditionEvaluationResult unmet(String requireVariable, String reason) {
        failIfRequired(requireVariable, reason);
        System.out.println("skipped: " + reason);
        return ConditionEvaluationResult.disabled(reason);
    }

    /** Inside a test: skips it, or fails it where {@code requireVariable=1}. */
    public static void skip(String requireVariable, String reason) {
        failIfRequired(requireVariable, reason);
        skipUnless(false, reason);
    }

    /** Skips a test that applies only where the condition holds, saying why; no CI variable forbids it. */
    public static void skipUnless(boolean condition, String reason) {
        if (!condition) {
            System.out.println("skipped: " + reason);
        }
        Assumptions.assumeTrue(condition, reason);
    }

    private static void failIfRequired(String requireVariable, String reason) {
        if ("1".equals(System.getenv(requireVariable))) {
            throw new IllegalStateException(reason + " (" + requireVariable + "=1 forbids skipping)");
        }
    }
}
