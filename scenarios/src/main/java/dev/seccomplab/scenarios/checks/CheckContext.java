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

    /**
     * Where the lab played the kubelet: what it asked the runtime for, and what the runtime was
     * expected to do with it, to set beside what the kernel showed. Empty where a real kubelet decided.
     */
    public String kubeletRequest() {
        String request = pod.kubeletRequests().get(pod.mainContainer());
        return request == null ? "" : "\nthe lab, in the kubelet's place, asked the runtime for " + request;
    }

    public CheckResult result(Check check, String observed, Verdict verdict, String evidence) {
        return new CheckResult(scenario, check.name(), check.expected(), observed, verdict, evidence);
    }
}
