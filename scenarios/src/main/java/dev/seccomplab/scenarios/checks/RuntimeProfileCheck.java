package dev.seccomplab.scenarios.checks;

import dev.seccomplab.environments.RuntimeSeccompSpec;
import dev.seccomplab.environments.profile.SeccompProfileSummary;
import dev.seccomplab.scenarios.CheckResult;
import dev.seccomplab.scenarios.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The profile the runtime really attached, read from the OCI runtime spec it handed to runc.
 * Counts are read live from that spec and reported, never written down here.
 *
 * @param expectedDefaultAction e.g. {@code SCMP_ACT_ERRNO}
 * @param notAllowed syscalls the profile must not let through
 * @param allowed syscalls it must let through, with or without argument filters
 * @param distinctAllowed bounds on how many distinct syscalls it lets through
 */
public record RuntimeProfileCheck(String expectedDefaultAction, List<String> notAllowed, List<String> allowed,
                                  CountRange distinctAllowed) implements Check {

    public RuntimeProfileCheck {
        notAllowed = List.copyOf(notAllowed);
        allowed = List.copyOf(allowed);
    }

    public RuntimeProfileCheck(String expectedDefaultAction, List<String> notAllowed, List<String> allowed) {
        this(expectedDefaultAction, notAllowed, allowed, CountRange.ANY);
    }

    /** Inclusive bounds on a count. */
    public record CountRange(int atLeast, int atMost) {
        public static final CountRange ANY = new CountRange(0, Integer.MAX_VALUE);

        public CountRange {
            if (atLeast < 0 || atMost < atLeast) {
                throw new IllegalArgumentException("a count range needs 0 <= atLeast <= atMost; got " + atLeast + ".." + atMost);
            }
        }

        boolean contains(int count) {
            return count >= atLeast && count <= atMost;
        }

        @Override
        public String toString() {
            if (atMost == Integer.MAX_VALUE) {
                return "at least " + atLeast;
            }
            return atLeast == 0 ? "at most " + atMost : "between " + atLeast + " and " + atMost;
        }
    }

    @Override
    public String name() {
        return "OCI runtime spec linux.seccomp";
    }

    @Override
    public String expected() {
        List<String> parts = new ArrayList<>();
        parts.add("defaultAction " + expectedDefaultAction);
        notAllowed.forEach(syscall -> parts.add(syscall + " not allowed"));
        allowed.forEach(syscall -> parts.add(syscall + " allowed"));
        if (!distinctAllowed.equals(CountRange.ANY)) {
            parts.add(distinctAllowed + " distinct syscalls allowed");
        }
        return String.join("; ", parts);
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
        boolean asExpected = profile.defaultAction().equals(expectedDefaultAction);
        List<String> parts = new ArrayList<>();
        parts.add("defaultAction " + profile.defaultAction());
        for (String syscall : notAllowed) {
            SeccompProfileSummary.Verdict verdict = profile.verdictFor(syscall);
            asExpected &= verdict == SeccompProfileSummary.Verdict.NOT_ALLOWED;
            parts.add(syscall + " " + verdict.words());
        }
        for (String syscall : allowed) {
            SeccompProfileSummary.Verdict verdict = profile.verdictFor(syscall);
            asExpected &= verdict != SeccompProfileSummary.Verdict.NOT_ALLOWED;
            parts.add(syscall + " " + verdict.words());
        }
        asExpected &= distinctAllowed.contains(profile.distinctAllowedCount());
        parts.add(profile.distinctAllowedCount() + " distinct syscalls allowed (" + profile.conditionallyAllowed().size()
                + " of them only with argument filters), " + profile.ruleEntries() + " name entries in its rules");
        String evidence = "read from " + spec.source() + "\n" + spec.seccomp().orElseThrow();
        return context.result(this, String.join("; ", parts), asExpected ? Verdict.PASS : Verdict.FAIL, evidence);
    }
}
