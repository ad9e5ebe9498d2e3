package dev.seccomplab.environments.engine;

import dev.seccomplab.environments.HostLimitException;
import java.util.Optional;

/**
 * Recognises the host limit that stops privileged containers on some VMs, and words its cause.
 */
public final class PrivilegedHostLimit {

    static final String RUNC_SIGNATURE = "unable to apply caps";

    private PrivilegedHostLimit() {
    }

    public static boolean matches(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(RUNC_SIGNATURE)) {
                return true;
            }
        }
        return false;
    }

    public static HostLimitException explain(String podName, Throwable failure, boolean engineIsLocal) {
        return new HostLimitException(describe("privileged pod " + podName,
                engineIsLocal ? CapabilityBoundingSet.ofThisProcess() : Optional.empty()), failure);
    }

    /** @param subject what could not start, e.g. {@code privileged pod priv-seccomp-x7k2q} */
    static String describe(String subject, Optional<CapabilityBoundingSet> hostSet) {
        String cause = hostSet
                .filter(set -> !set.missing().isEmpty())
                .map(set -> "this host's capability bounding set (CapBnd " + set.hex() + ") lacks "
                        + String.join(", ", set.missing()) + ", and a privileged container asks for every capability")
                .orElse("the engine could not grant every capability a privileged container asks for");
        return "host limit: " + subject + " cannot start on this Docker engine; runc said '"
                + RUNC_SIGNATURE + ": operation not permitted': " + cause
                + ". This is a limit of the host, not a result of the lesson. To run it here, run scripts/ensure-host.sh as root: "
                + "it registers the runtime " + PrivilegedRuntime.NAME + " (scripts/runc-bounded), which asks runc only for the "
                + "capabilities the host has, as Docker 23 and later do. Or use a host whose bounding set is complete.";
    }
}
