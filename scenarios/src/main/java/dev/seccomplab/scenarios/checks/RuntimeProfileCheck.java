package dev.seccomplab.scenarios.checks;

import dev.seccomplab.environments.RuntimeSeccompSpec;
import dev.seccomplab.environments.profile.SeccompProfileSummary;
import dev.seccomplab.scenarios.CheckResult;
import dev.seccomplab.scenarios.Verdict;
import java.util.Optional;

/**
 * The profile the runtime really attached, read from the OCI runtime spec it handed to runc.
 * Counts are read live from that spec, never written down here.
 */
public record RuntimeProfileCheck(String expectedDefaultAction, String refusedSyscall) implements Check {

    @Override
    public String name() {
        return "OCI runtime spec linux.seccomp";
    }

    @Override
    public String expected() {
        return "defaultAction " + expectedDefaultAction + "; " + refusedSyscall + " not allowed";
    }

    @Override
    public CheckResult evaluate(CheckContext context) {
        RuntimeSeccompSpec spec = context.workspace().runtimeSeccomp(context.pod(), context.pod().mainContainer());
        Optional<SeccompProfileSummary> summary = spec.summary();
        if (summary.isEmpty()) {
            return context.result(this, "no linux.seccomp section: the runtime attached no profile", Verdict.FAIL,
                    "read from " + spec.source());
        }
        SeccompProfileSummary profile = summary.get();
        SeccompProfileSummary.Verdict syscall = profile.verdictFor(refusedSyscall);
        boolean asExpected = profile.defaultAction().equals(expectedDefaultAction)
                && syscall == SeccompProfileSummary.Verdict.NOT_ALLOWED;
        String observed = "defaultAction " + profile.defaultAction() + "; " + refusedSyscall + " "
                + syscall.name().toLowerCase().replace('_', ' ') + "; " + profile.distinctAllowedCount()
                + " distinct syscalls allowed (" + profile.conditionallyAllowed().size() + " of them only with argument filters), "
                + profile.ruleEntries() + " name entries in its rules";
        String evidence = "read from " + spec.source() + "\n" + spec.seccomp().orElseThrow();
        return context.result(this, observed, asExpected ? Verdict.PASS : Verdict.FAIL, evidence);
    }
}
