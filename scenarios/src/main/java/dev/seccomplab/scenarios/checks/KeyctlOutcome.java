package dev.seccomplab.scenarios.checks;

import dev.seccomplab.environments.ExecResult;

/**
 * What {@code keyctl show} tells about the keyctl syscall. The runtime's default profile does
 * not list keyctl, so its default action answers EPERM, which keyctl prints as "Operation not
 * permitted".
 */
public enum KeyctlOutcome {
    ALLOWED("keyctl show succeeds (lists the session keyring)"),
    BLOCKED("keyctl show fails: Operation not permitted"),
    /** Any other result: keyctl missing, another errno. Not evidence either way. */
    INCONCLUSIVE("keyctl show neither succeeds nor fails with EPERM");

    private final String description;

    KeyctlOutcome(String description) {
        this.description = description;
    }

    public String describe() {
        return description;
    }

    public static KeyctlOutcome classify(ExecResult result) {
        String output = result.stdout() + "\n" + result.stderr();
        if (result.exitCode() == 0 && output.contains("Keyring")) {
            return ALLOWED;
        }
        if (result.exitCode() != 0 && output.contains("Operation not permitted")) {
            return BLOCKED;
        }
        return INCONCLUSIVE;
    }
}
