package dev.seccomplab.environments.kubernetes;

import dev.seccomplab.environments.NotApplicableException;
import dev.seccomplab.environments.rules.SeccompProfileRules;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * Refuses privileged workloads unless the user allowed them. A real cluster is somebody's: the
 * lab does not run privileged pods there by default.
 */
public record PrivilegedGuard(boolean allowPrivileged, String howToAllow) {

    public static PrivilegedGuard allowAll() {
        return new PrivilegedGuard(true, "");
    }

    public void check(Deployment deployment, String namespace) {
        if (allowPrivileged) {
            return;
        }
        boolean privileged = deployment.getSpec().getTemplate().getSpec().getContainers().stream()
                .anyMatch(SeccompProfileRules::isPrivileged);
        if (privileged) {
            throw new NotApplicableException("refused to create privileged Deployment " + deployment.getMetadata().getName()
                    + " in namespace " + namespace + ": privileged pods on a real cluster are refused unless allowed with "
                    + howToAllow);
        }
    }
}
