package dev.seccomplab.scenarios.checks;

import dev.seccomplab.environments.PodsRefusedException;
import dev.seccomplab.scenarios.CheckResult;
import dev.seccomplab.scenarios.Verdict;

/** One observation a scenario makes, with the outcome the lesson expects. */
public interface Check {

    /** What is checked, as a reader would type or say it, e.g. {@code keyctl show}. */
    String name();

    /** The expected outcome in words, e.g. {@code Seccomp: 2 (filter)}. */
    String expected();

    /** Observes and judges; never hides a failure behind a pass. */
    CheckResult evaluate(CheckContext context);

    /**
     * What the check makes of pods the API server refused to create. A check of a running pod
     * fails: the lesson expected the pod to run.
     */
    default CheckResult whenRefused(String scenario, PodsRefusedException refusal) {
        return new CheckResult(scenario, name(), expected(), "not run: the API server refused the pods", Verdict.FAIL,
                refusal.getMessage());
    }
}
