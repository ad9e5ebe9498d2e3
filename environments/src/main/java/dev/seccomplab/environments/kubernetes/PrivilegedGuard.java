package dev.seccomplab.environments.kubernetes;

import dev.seccomplab.environments.NotApplicableException;
import dev.seccomplab.environments.rules.SeccompProfileRules;
import dev.seccomplab.environments.Workload;

/**
 * Refuses privileged workloads unless the user allowed them. A real cluster is somebody's: the
 * lab does not run privileged pods there by default.
 */
public record PrivilegedGuard(boolean allowPrivileged, String howToAllow) {

    public static PrivilegedGuard allowAll() {
        return new PrivilegedGuard(true, "");
    }

    public void check(Workload workload, String namespace) {
        if (allowPrivileged) {
            return;
        }
        if (SeccompProfileRules.hasPrivilegedContainer(workload.podSpec())) {
            throw new NotApplicableException("refused to create privileged " + workload
                    + " in namespace " + namespace + ": privileged pods on a real cluster are refused unless allowed with "
                    + howToAllow);
        }
    }
}
