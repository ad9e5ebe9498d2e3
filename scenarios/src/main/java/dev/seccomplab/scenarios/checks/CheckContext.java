package dev.seccomplab.scenarios.checks;

import dev.seccomplab.environments.ExecResult;
import dev.seccomplab.environments.LabEnvironment;
import dev.seccomplab.environments.PodHandle;
import dev.seccomplab.environments.Workspace;
import dev.seccomplab.scenarios.CheckResult;
import dev.seccomplab.scenarios.Verdict;

/** What a check may look at: the environment, the scenario's workspace and its running pod. */
public record CheckContext(String scenario, LabEnvironment environment, Workspace workspace, PodHandle pod) {

    public ExecResult execInPod(String... command) {
        return workspace.exec(pod, pod.mainContainer(), command);
    }

    public CheckResult result(Check check, String observed, Verdict verdict, String evidence) {
        return new CheckResult(scenario, check.name(), check.expected(), observed, verdict, evidence);
    }
}
