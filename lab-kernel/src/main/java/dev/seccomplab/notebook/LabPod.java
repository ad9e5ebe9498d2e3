package dev.seccomplab.notebook;

import dev.seccomplab.environments.ExecResult;
import dev.seccomplab.environments.LabEnvironment;
import dev.seccomplab.environments.PodHandle;
import dev.seccomplab.environments.Workspace;
import dev.seccomplab.scenarios.CheckResult;
import dev.seccomplab.scenarios.Scenario;
import dev.seccomplab.scenarios.ScenarioResult;
import dev.seccomplab.scenarios.ScenarioRunner;
import dev.seccomplab.scenarios.checks.Check;
import java.time.Duration;
import java.util.List;

/** A running pod in a notebook: run commands in it, as with {@code kubectl exec}. */
public final class LabPod implements AutoCloseable {

    private final String origin;
    private final LabEnvironment environment;
    private final Workspace workspace;
    private final PodHandle pod;

    LabPod(String origin, LabEnvironment environment, Workspace workspace, PodHandle pod) {
        this.origin = origin;
        this.environment = environment;
        this.workspace = workspace;
        this.pod = pod;
    }

    /** Runs a command (words split on spaces, no shell), shows its output, and returns it. */
    public ExecResult exec(String commandLine) {
        return exec(commandLine.trim().split("\\s+"));
    }

    public ExecResult exec(String... command) {
        ExecResult result = Blocking.call(() -> workspace.exec(pod, pod.mainContainer(), command));
        System.out.println("$ " + String.join(" ", command));
        System.out.println(result.transcript());
        return result;
    }

    /** Checks of your own against this pod, shown like a scenario's; a failed one fails the cell. */
    public List<CheckResult> expect(Check... checks) {
        Scenario own = new Scenario(origin, "checks written in the notebook", null, false, List.of(checks));
        List<CheckResult> results = Blocking.call(() -> ScenarioRunner.checkRunningPod(environment, workspace, pod, own));
        return Lab.show(new ScenarioResult(origin, own.lesson(), results, Duration.ZERO));
    }

    public String name() {
        return pod.name();
    }

    LabEnvironment environment() {
        return environment;
    }

    Workspace workspace() {
        return workspace;
    }

    PodHandle handle() {
        return pod;
    }

    @Override
    public void close() {
        workspace.close();
    }

    @Override
    public String toString() {
        return "pod " + pod.name() + " (" + origin + ", on " + environment.name() + ")";
    }
}
