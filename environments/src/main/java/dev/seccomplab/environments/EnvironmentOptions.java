package dev.seccomplab.environments;

import dev.seccomplab.environments.kind.KindNodeChoice;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a user can set about the environments. Each {@code with…} returns a changed copy.
 *
 * @param localhostProfileRoot where {@code Localhost} profiles are, standing for /var/lib/kubelet/seccomp
 * @param kubeletConfig the KubeletConfiguration the lab reads where it plays the kubelet (cri, docker)
 * @param criSocket an existing CRI endpoint for the cri environment, or empty for the lab's own containerd
 * @param criRunRoot where the lab's own containerds live
 * @param kindNode the kind node's Kubernetes version and image
 * @param reuseKind keep the kind cluster for the next run (opt-in)
 * @param context the kubeconfig context of the cluster environment, or null for the current one
 * @param allowPrivileged let the cluster environment create privileged pods
 */
public record EnvironmentOptions(Path localhostProfileRoot, Path kubeletConfig, Optional<Path> criSocket, Path criRunRoot,
                                 KindNodeChoice kindNode, boolean reuseKind, String context, boolean allowPrivileged) {

    public static EnvironmentOptions defaults() {
        return new EnvironmentOptions(LabStateDirectory.seccompProfiles(), LabStateDirectory.kubeletConfig(), Optional.empty(),
                LabStateDirectory.containerdRuns(), KindNodeChoice.newest(), false, null, false);
    }

    public EnvironmentOptions withLocalhostProfileRoot(Path root) {
        return new EnvironmentOptions(root, kubeletConfig, criSocket, criRunRoot, kindNode, reuseKind, context, allowPrivileged);
    }

    public EnvironmentOptions withKubeletConfig(Path file) {
        return new EnvironmentOptions(localhostProfileRoot, file, criSocket, criRunRoot, kindNode, reuseKind, context, allowPrivileged);
    }

    public EnvironmentOptions withCriSocket(Path socket) {
        return new EnvironmentOptions(localhostProfileRoot, kubeletConfig, Optional.ofNullable(socket), criRunRoot, kindNode,
                reuseKind, context, allowPrivileged);
    }

    public EnvironmentOptions withKindNode(KindNodeChoice node) {
        return new EnvironmentOptions(localhostProfileRoot, kubeletConfig, criSocket, criRunRoot, node, reuseKind, context, allowPrivileged);
    }

    public EnvironmentOptions withReuseKind(boolean reuse) {
        return new EnvironmentOptions(localhostProfileRoot, kubeletConfig, criSocket, criRunRoot, kindNode, reuse, context, allowPrivileged);
    }

    public EnvironmentOptions withContext(String kubeconfigContext) {
        return new EnvironmentOptions(localhostProfileRoot, kubeletConfig, criSocket, criRunRoot, kindNode, reuseKind,
                kubeconfigContext, allowPrivileged);
    }

    public EnvironmentOptions withAllowPrivileged(boolean allow) {
        return new EnvironmentOptions(localhostProfileRoot, kubeletConfig, criSocket, criRunRoot, kindNode, reuseKind, context, allow);
    }
}
