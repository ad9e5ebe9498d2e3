package dev.seccomplab.environments;

/**
 * The API server refused a workload's pods, and said why: Pod Security Admission, or another
 * admission or validation rule. Only an environment with an API server can say this.
 */
public final class PodsRefusedException extends LabEnvironmentException {

    private final String reason;

    /** @param reason the API server's own message */
    public PodsRefusedException(String workload, String reason) {
        super("The API server refused the pods of " + workload + ": " + reason);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
