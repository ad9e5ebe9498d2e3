package dev.seccomplab.environments;

/** The environment may not change its nodes' settings (somebody else's cluster). */
public class NodeSettingsReadOnlyException extends NotApplicableException {

    public NodeSettingsReadOnlyException(String message) {
        super(message);
    }
}
