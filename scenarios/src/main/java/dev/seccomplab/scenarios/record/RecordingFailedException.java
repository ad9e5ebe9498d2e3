package dev.seccomplab.scenarios.record;

import dev.seccomplab.environments.LabEnvironmentException;

/** A recording that could not be made as its file asks (the pod did not start, a command failed); no profile is written. */
public class RecordingFailedException extends LabEnvironmentException {

    public RecordingFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
