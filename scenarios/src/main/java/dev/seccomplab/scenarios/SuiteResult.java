package dev.seccomplab.scenarios;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A whole run: which environment, when, how long, and every scenario's checks. */
public record SuiteResult(String environment, String environmentDescription, Instant started, Duration wallTime,
                          List<ScenarioResult> scenarios) {

    public SuiteResult {
        scenarios = List.copyOf(scenarios);
    }

    public List<CheckResult> checks() {
        return scenarios.stream().flatMap(s -> s.checks().stream()).toList();
    }

    public Map<Verdict, Long> countByVerdict() {
        Map<Verdict, Long> counts = new EnumMap<>(Verdict.class);
        for (Verdict verdict : Verdict.values()) {
            counts.put(verdict, checks().stream().filter(c -> c.verdict() == verdict).count());
        }
        return counts;
    }

    public Outcome outcome() {
        return Outcome.of(checks());
    }

    /** True only when every check passed: host limits and not-applicable checks are not passes. */
    public boolean allPassed() {
        return outcome() == Outcome.PASSED;
    }
}
