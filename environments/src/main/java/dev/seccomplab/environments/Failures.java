package dev.seccomplab.environments;

/** What a user needs from a chain of wrapped exceptions: the innermost message. */
public final class Failures {

    private Failures() {
    }

    public static String rootCauseMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage()).strip();
    }
}
