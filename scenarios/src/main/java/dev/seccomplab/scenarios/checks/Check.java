package dev.seccomplab.scenarios.checks;

import dev.seccomplab.scenarios.CheckResult;

/** One observation a scenario makes, with the outcome the lesson expects. */
public interface Check {

    /** What is checked, as a reader would type or say it, e.g. {@code keyctl show}. */
    String name();

    /** The expected outcome in words, e.g. {@code Seccomp: 2 (filter)}. */
    String expected();

    /** Observes and judges; never hides a failure behind a pass. */
    CheckResult evaluate(CheckContext context);
}
