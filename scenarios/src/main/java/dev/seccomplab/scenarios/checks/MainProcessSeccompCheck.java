package dev.seccomplab.scenarios.checks;

import dev.seccomplab.environments.MainProcessStatus;
import dev.seccomplab.scenarios.CheckResult;
import dev.seccomplab.scenarios.Verdict;
import java.util.Optional;

/**
 * The seccomp mode of the workload's own process, found as an administrator finds it on the
 * node: its PID from the runtime, then {@code /proc/PID/status}. Unlike {@code /proc/1} inside the
 * pod, this cannot be another process of the pod.
 */
public record MainProcessSeccompCheck(SeccompMode expectedMode) implements Check {

    @Override
    public String name() {
        return "Seccomp of the workload's own process";
    }

    @Override
    public String expected() {
        return expectedMode.describe();
    }

    @Override
    public CheckResult evaluate(CheckContext context) {
        MainProcessStatus status = context.workspace().mainProcessStatus(context.pod(), context.pod().mainContainer());
        Optional<SeccompMode> observed = ProcStatus.seccompMode(status.text());
        String evidence = "read from " + status.source() + "\n" + ProcStatus.seccompLines(status.text());
        if (observed.isEmpty()) {
            return context.result(this, "no Seccomp: line in the process's status", Verdict.ERROR, evidence);
        }
        return context.result(this, observed.get().describe(), observed.get() == expectedMode ? Verdict.PASS : Verdict.FAIL,
                evidence);
    }
}
