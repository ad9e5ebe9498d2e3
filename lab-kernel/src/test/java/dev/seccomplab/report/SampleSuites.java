package dev.seccomplab.report;

import dev.seccomplab.scenarios.CheckResult;
import dev.seccomplab.scenarios.ScenarioResult;
import dev.seccomplab.scenarios.SuiteResult;
import dev.seccomplab.scenarios.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Suite results with one check of each verdict, for report tests. */
public final class SampleSuites {

    private SampleSuites() {
    }

    public static SuiteResult withEveryVerdict() {
        return suite(
                new CheckResult("runtime-default", "grep Seccomp /proc/1/status", "Seccomp: 2 (filter)", "Seccomp: 2 (filter)",
                        Verdict.PASS, "Seccomp:\t2\nSeccomp_filters:\t1\n(exit code 0)"),
                new CheckResult("runtime-default", "keyctl show", "keyctl show fails: Operation not permitted",
                        "keyctl show succeeds (lists the session keyring)", Verdict.FAIL, "Session Keyring <_ses> & co\n(exit code 0)"),
                new CheckResult("privileged", "keyctl show", "keyctl show succeeds (lists the session keyring)",
                        "not run: host limit", Verdict.HOST_LIMIT, "host limit: lacks cap_sys_resource"),
                new CheckResult("seccomp-default", "kubelet seccompDefault", "seccompDefault: true", "not applicable",
                        Verdict.NOT_APPLICABLE, "node kind has seccompDefault=false"),
                new CheckResult("unconfined", "keyctl show", "keyctl show succeeds (lists the session keyring)", "no observation",
                        Verdict.ERROR, "exec failed"));
    }

    public static SuiteResult suite(CheckResult... checks) {
        List<ScenarioResult> scenarios = List.of(checks).stream()
                .map(CheckResult::scenario).distinct()
                .map(name -> new ScenarioResult(name, "lesson of " + name,
                        List.of(checks).stream().filter(c -> c.scenario().equals(name)).toList(), Duration.ofMillis(800)))
                .toList();
        return new SuiteResult("docker", "test environment", Instant.parse("2026-11-28T12:00:00Z"), Duration.ofMillis(2500), scenarios);
    }
}
