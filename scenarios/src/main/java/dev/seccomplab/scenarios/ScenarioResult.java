package dev.seccomplab.scenarios;

import java.time.Duration;
import java.util.List;

/** All checks of one scenario, in the order the scenario lists them. */
public record ScenarioResult(String scenario, String title, List<CheckResult> checks, Duration duration) {

    public ScenarioResult {
        checks = List.copyOf(checks);
    }

    public Outcome outcome() {
        return Outcome.of(checks);
    }

    public boolean passed() {
        return outcome() == Outcome.PASSED;
    }

    /** One line: a notebook shows this under the table a cell rendered, so the table is not repeated. */
    @Override
    public String toString() {
        long passedChecks = checks.stream().filter(c -> c.verdict() == Verdict.PASS).count();
        return scenario + ": " + passedChecks + " of " + checks.size() + " checks passed";
    }
}
