package dev.seccomplab.environments;

/**
 * This host cannot do what the scenario asks, for a reason that lies in the host, not in the
 * lesson. Reports list it apart: it is neither a pass nor a fail.
 */
public class HostLimitException extends LabEnvironmentException {

    public HostLimitException(String message, Throwable cause) {
        super(message, cause);
    }
}
