package dev.seccomplab.scenarios;

import dev.seccomplab.environments.KubeletSettings;
import dev.seccomplab.environments.LabEnvironment;
import dev.seccomplab.environments.PodHandle;
import dev.seccomplab.environments.PodsRefusedException;
import dev.seccomplab.environments.Progress;
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
        Workspace workspace;
        try {
            workspace = openWorkspace(environment, scenario.name(), scenario);
        } catch (RuntimeException e) {
            return finished(scenario, start, notRun(scenario, e));
        }
        try (workspace) {
            PodHandle pod;
            try {
                pod = startPod(environment, workspace, scenario, podTimeout);
            } catch (RuntimeException e) {
                return finished(scenario, start, notRun(scenario, e));
            }
            return finished(scenario, start, checkRunningPod(environment, workspace, pod, scenario.name(), scenario.checks()));
        }
    }

    /** A workspace for the scenario's pods: in a namespace that enforces its Pod Security Standard, if it names one. */
    public static Workspace openWorkspace(LabEnvironment environment, String name, Scenario scenario) {
        return scenario.podSecurity().map(level -> environment.openWorkspace(name, level)).orElseGet(() -> environment.openWorkspace(name));
    }

    /** Puts the scenario's Localhost profiles on the node, applies its workload and waits for its pod. */
    public static PodHandle startPod(LabEnvironment environment, Workspace workspace, Scenario scenario, Duration podTimeout) {
        scenario.localhostProfiles().forEach(environment::installLocalhostProfile);
        return workspace.start(scenario.workload(), podTimeout);
    }

    /** Runs checks against a pod already running in the workspace. */
    public static List<CheckResult> checkRunningPod(LabEnvironment environment, Workspace workspace, PodHandle pod, String scenario,
                                                    List<Check> checks) {
        CheckContext context = new CheckContext(scenario, environment, workspace, pod);
        List<CheckResult> results = new ArrayList<>();
        for (Check check : checks) {
            results.add(evaluate(check, context));
        }
        return results;
    }

    /**
     * Brings the node to the kubelet setting a scenario needs, changing it only when it differs.
     *
     * @throws dev.seccomplab.environments.NodeSettingsReadOnlyException where the node may not be changed
     */
    public static void prepareNode(LabEnvironment environment, boolean seccompDefault, Progress progress) {
        if (environment.readKubeletSettings().seccompDefault() != seccompDefault) {
            environment.applyKubeletSettings(KubeletSettings.wanted(seccompDefault), progress);
        }
    }

    public Duration podTimeout() {
        return podTimeout;
    }

    /**
     * A scenario whose pod could not start: what each check makes of the API server's refusal, or a
     * host limit, not applicable, or an error, for every check.
     */
    public static List<CheckResult> notRun(Scenario scenario, RuntimeException why) {
        if (why instanceof PodsRefusedException refused) {
            return scenario.checks().stream().map(check -> check.whenRefused(scenario.name(), refused)).toList();
        }
        Unobserved unobserved = Unobserved.of(why, Verdict.ERROR, "not run: the pod did not start");
        return scenario.checks().stream().map(check -> unobserved.row(scenario.name(), check.name(), check.expected())).toList();
    }

    private static CheckResult evaluate(Check check, CheckContext context) {
        try {
            return check.evaluate(context);
        } catch (RuntimeException e) {
            return Unobserved.of(e, Verdict.ERROR, "no observation").row(context.scenario(), check.name(), check.expected());
        }
    }

    private static ScenarioResult finished(Scenario scenario, long start, List<CheckResult> results) {
        return new ScenarioResult(scenario.name(), scenario.lesson(), results, Duration.ofNanos(System.nanoTime() - start));
    }
}
