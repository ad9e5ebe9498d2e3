package dev.seccomplab.scenarios;

import java.time.Duration;
import java.util.List;

/** All checks of one scenario, in the order the scenario lists them. */
public record ScenarioResult(String scenario, String title, List<CheckResult> checks, Duration duration) {

    public ScenarioResult {
        checks = List.copyOf(checks);
    }

    public boolean passed() {
        return checks.stream().allMatch(c -> c.verdict() == Verdict.PASS);
    }
}
