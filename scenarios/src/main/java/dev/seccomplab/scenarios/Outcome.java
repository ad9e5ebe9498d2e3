package dev.seccomplab.scenarios;

import java.util.Collection;

/**
 * What a set of rows comes to, decided here once for the exit codes, the notebook's cells and the
 * reports: passed only when every row passed; failed when a row failed or could not observe; not
 * judged when nothing failed but some rows were host limits or not applicable.
 */
public enum Outcome {
    PASSED, FAILED, NOT_JUDGED;

    public static Outcome of(Collection<CheckResult> rows) {
        if (rows.stream().anyMatch(row -> row.verdict() == Verdict.FAIL || row.verdict() == Verdict.ERROR)) {
            return FAILED;
        }
        return !rows.isEmpty() && rows.stream().allMatch(row -> row.verdict() == Verdict.PASS) ? PASSED : NOT_JUDGED;
    }
}
