package dev.seccomplab.scenarios;

import dev.seccomplab.environments.HostLimitException;
import dev.seccomplab.environments.LabEnvironment;
import dev.seccomplab.environments.NotApplicableException;
import dev.seccomplab.environments.PodHandle;
import dev.seccomplab.environments.Workspace;
import dev.seccomplab.scenarios.checks.Check;
import dev.seccomplab.scenarios.checks.CheckContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Runs one scenario in its own workspace: apply, wait for the pod, run each check, clean up. */
public final class ScenarioRunner {

    private final Duration podTimeout;

    public ScenarioRunner(Duration podTimeout) {
        this.podTimeout = podTimeout;
    }

    public ScenarioResult run(LabEnvironment environment, Scenario scenario) {
        long start = System.nanoTime();
        List<CheckResult> results = new ArrayList<>();
        try (Workspace workspace = environment.openWorkspace(scenario.name())) {
            PodHandle pod;
            try {
                workspace.apply(scenario.deployment());
                pod = workspace.waitUntilRunning(scenario.deployment().getMetadata().getName(), podTimeout);
            } catch (HostLimitException e) {
                return finished(scenario, start, allChecks(scenario, "not run: host limit", Verdict.HOST_LIMIT, e.getMessage()));
            } catch (NotApplicableException e) {
                return finished(scenario, start, allChecks(scenario, "not applicable", Verdict.NOT_APPLICABLE, e.getMessage()));
            } catch (RuntimeException e) {
                return finished(scenario, start, allChecks(scenario, "not run: the pod did not start", Verdict.ERROR, messageOf(e)));
            }
            CheckContext context = new CheckContext(scenario.name(), environment, workspace, pod);
            for (Check check : scenario.checks()) {
                results.add(evaluate(check, context));
            }
        }
        return finished(scenario, start, results);
    }

    /** Every check with the same outcome, for a scenario that could not get as far as its checks. */
    static List<CheckResult> allChecks(Scenario scenario, String observed, Verdict verdict, String evidence) {
        return scenario.checks().stream()
                .map(check -> new CheckResult(scenario.name(), check.name(), check.expected(), observed, verdict, evidence))
                .toList();
    }

    private static CheckResult evaluate(Check check, CheckContext context) {
        try {
            return check.evaluate(context);
        } catch (HostLimitException e) {
            return context.result(check, "not run: host limit", Verdict.HOST_LIMIT, e.getMessage());
        } catch (NotApplicableException e) {
            return context.result(check, "not applicable", Verdict.NOT_APPLICABLE, e.getMessage());
        } catch (RuntimeException e) {
            return context.result(check, "no observation", Verdict.ERROR, messageOf(e));
        }
    }

    private static ScenarioResult finished(Scenario scenario, long start, List<CheckResult> results) {
        return new ScenarioResult(scenario.name(), scenario.lesson(), results, Duration.ofNanos(System.nanoTime() - start));
    }

    private static String messageOf(Throwable e) {
        return e.getMessage() == null ? e.getClass().getName() : e.getMessage();
    }
}
