package dev.seccomplab.environments;

/**
 * A JVM shutdown hook that removes what an environment started when the lab is stopped with
 * Ctrl-C or ends without closing it. Closing this handle takes the hook back once the
 * environment has cleaned up by itself.
 */
public final class CleanupOnExit implements AutoCloseable {

    private final Thread hook;

    private CleanupOnExit(Thread hook) {
        this.hook = hook;
    }

    public static CleanupOnExit register(String what, Runnable cleanup) {
        Thread hook = new Thread(cleanup, "seccomp-lab-cleanup-" + what);
        Runtime.getRuntime().addShutdownHook(hook);
        return new CleanupOnExit(hook);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to: it does the same clean-up.
        }
    }
}
