package dev.seccomplab.scenarios;

/** How a check ended. Only {@link #PASS} and {@link #FAIL} say something about the lesson. */
public enum Verdict {
    PASS,
    FAIL,
    /** The host cannot run this check (e.g. no privileged containers); neither pass nor fail. */
    HOST_LIMIT,
    /** The environment's node is not in the state the scenario needs, and may not be changed. */
    NOT_APPLICABLE,
    /** The lab could not get an observation (a broken environment, an unexpected output). */
    ERROR
}
