package dev.seccomplab.environments;

/** A failure of the environment, with a message that says what to do about it. */
public class LabEnvironmentException extends RuntimeException {

    public LabEnvironmentException(String message) {
        super(message);
    }

    public LabEnvironmentException(String message, Throwable cause) {
        super(message, cause);
    }
}
