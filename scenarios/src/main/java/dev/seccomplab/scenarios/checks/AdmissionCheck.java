package dev.seccomplab.scenarios.checks;

import dev.seccomplab.environments.PodsRefusedException;
import dev.seccomplab.scenarios.CheckResult;
import dev.seccomplab.scenarios.Verdict;
import java.util.Optional;

/**
 * Whether the API server admitted the workload's pods: Pod Security Admission, or another
 * admission rule, decides before any kubelet sees them.
 *
 * @param admitted what the lesson expects
 * @param reasonContains for a refusal, words the API server's message must contain, e.g. {@code privileged}
 */
public record AdmissionCheck(boolean admitted, Optional<String> reasonContains) implements Check {

    @Override
    public String name() {
        return "API server admission";
    }

    @Override
    public String expected() {
        return admitted ? "pods admitted" : "pods refused" + reasonContains.map(words -> ", naming " + words).orElse("");
    }

    /** The pod runs: it was admitted. */
    @Override
    public CheckResult evaluate(CheckContext context) {
        return context.result(this, "pods admitted", admitted ? Verdict.PASS : Verdict.FAIL,
                "pod " + context.pod().name() + " was created and runs (workspace " + context.pod().workspace() + ")");
    }

    @Override
    public CheckResult whenRefused(String scenario, PodsRefusedException refusal) {
        boolean asExpected = !admitted && reasonContains.map(words -> refusal.reason().contains(words)).orElse(true);
        return new CheckResult(scenario, name(), expected(), "pods refused: " + withoutPodName(refusal.reason()),
                asExpected ? Verdict.PASS : Verdict.FAIL, refusal.getMessage());
    }

    /** The API server names the pod it refused, whose name is random; the table shows why, the evidence all of it. */
    static String withoutPodName(String reason) {
        return reason.replaceFirst("^pods \"[^\"]*\" is forbidden: ", "");
    }
}
