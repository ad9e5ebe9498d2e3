package dev.seccomplab.environments;

/**
 * The environment will not do what the scenario needs (change a node, run privileged, read a
 * node's runtime), by design. Reports list it apart: it is neither a pass nor a fail.
 */
public class NotApplicableException extends LabEnvironmentException {

    public NotApplicableException(String message) {
        super(message);
    }
}
