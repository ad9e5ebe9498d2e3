package dev.seccomplab.scenarios.checks;

import dev.seccomplab.environments.ExecResult;
import dev.seccomplab.scenarios.CheckResult;
import dev.seccomplab.scenarios.Verdict;

/** {@code keyctl show} in the pod: a syscall the runtime's default profile refuses. */
public record KeyctlCheck(KeyctlOutcome expectedOutcome) implements Check {

    public KeyctlCheck {
        if (expectedOutcome == KeyctlOutcome.INCONCLUSIVE) {
            throw new IllegalArgumentException("a lesson expects keyctl to be allowed or blocked");
        }
    }

    @Override
    public String name() {
        return "keyctl show";
    }

    @Override
    public String expected() {
        return expectedOutcome.describe();
    }

    @Override
    public CheckResult evaluate(CheckContext context) {
        ExecResult result = context.execInPod("keyctl", "show");
        KeyctlOutcome observed = KeyctlOutcome.classify(result);
        Verdict verdict = observed == expectedOutcome ? Verdict.PASS
                : observed == KeyctlOutcome.INCONCLUSIVE ? Verdict.ERROR : Verdict.FAIL;
        return context.result(this, observed.describe(), verdict, result.transcript());
    }
}
