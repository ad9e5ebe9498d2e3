package dev.seccomplab.scenarios.checks;

import dev.seccomplab.environments.ExecResult;
import dev.seccomplab.scenarios.CheckResult;
import dev.seccomplab.scenarios.Verdict;
import java.util.Optional;

/** {@code grep Seccomp /proc/1/status} in the pod: the kernel's own word on the filter. */
public record SeccompModeCheck(SeccompMode expectedMode) implements Check {

    static final String[] COMMAND = {"grep", "Seccomp", "/proc/1/status"};

    @Override
    public String name() {
        return String.join(" ", COMMAND);
    }

    @Override
    public String expected() {
        return expectedMode.describe();
    }

    @Override
    public CheckResult evaluate(CheckContext context) {
        ExecResult result = context.execInPod(COMMAND);
        Optional<SeccompMode> observed = ProcStatus.seccompMode(result.stdout());
        if (observed.isEmpty()) {
            return context.result(this, "no Seccomp: line in /proc/1/status", Verdict.ERROR, result.transcript());
        }
        Verdict verdict = observed.get() == expectedMode ? Verdict.PASS : Verdict.FAIL;
        return context.result(this, observed.get().describe(), verdict, result.transcript() + context.kubeletRequest());
    }
}
