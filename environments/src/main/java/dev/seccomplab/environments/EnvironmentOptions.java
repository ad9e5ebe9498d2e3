package dev.seccomplab.environments;

import com.dajudge.kindcontainer.KindContainerVersion;
import dev.seccomplab.environments.kind.KindNodeImage;
import java.nio.file.Path;

/**
 * What a user can set about the environments.
 *
 * @param localhostProfileRoot where {@code Localhost} profiles are, standing for /var/lib/kubelet/seccomp
 * @param kindVersion the Kubernetes version of the kind node
 * @param reuseKind keep the kind cluster for the next run (opt-in)
 * @param context the kubeconfig context of the cluster environment, or null for the current one
 * @param allowPrivileged let the cluster environment create privileged pods
 */
public record EnvironmentOptions(Path localhostProfileRoot, KindContainerVersion kindVersion, boolean reuseKind,
                                 String context, boolean allowPrivileged) {

    public static EnvironmentOptions defaults() {
        return new EnvironmentOptions(Path.of("profiles"), KindNodeImage.newestVersion(), false, null, false);
    }
}
