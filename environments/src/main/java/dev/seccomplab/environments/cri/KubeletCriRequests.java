package dev.seccomplab.environments.cri;

import dev.seccomplab.environments.containerd.api.ContainerConfig;
import dev.seccomplab.environments.containerd.api.ContainerMetadata;
import dev.seccomplab.environments.containerd.api.ImageSpec;
import dev.seccomplab.environments.containerd.api.KeyValue;
import dev.seccomplab.environments.containerd.api.LinuxContainerConfig;
import dev.seccomplab.environments.containerd.api.LinuxContainerSecurityContext;
import dev.seccomplab.environments.containerd.api.LinuxPodSandboxConfig;
import dev.seccomplab.environments.containerd.api.LinuxSandboxSecurityContext;
import dev.seccomplab.environments.containerd.api.NamespaceMode;
import dev.seccomplab.environments.containerd.api.NamespaceOption;
import dev.seccomplab.environments.containerd.api.PodSandboxConfig;
import dev.seccomplab.environments.containerd.api.PodSandboxMetadata;
import dev.seccomplab.environments.containerd.api.SecurityProfile;
import dev.seccomplab.environments.rules.ChosenProfile;
import dev.seccomplab.environments.rules.SeccompProfileRules;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The CRI requests a kubelet makes for a pod, for the fields that bear on seccomp and on where the
 * lab looks. Each field follows the kubelet's own code (Kubernetes 1.34):
 * <ul>
 *   <li>{@code kuberuntime_sandbox.go}, {@code generatePodSandboxConfig} and
 *       {@code generatePodSandboxLinuxConfig}: metadata, labels, the sandbox's profile
 *       ({@link SeccompProfileRules#sandboxChoice()}), privileged when a container is;</li>
 *   <li>{@code kuberuntime_container.go}, {@code generateContainerConfig}, and
 *       {@code kuberuntime_container_linux.go}: metadata, image, command and args, env, the
 *       container's profile ({@link SeccompProfileRules#kubeletChoice}) and {@code privileged} as
 *       the spec says, for the runtime to decide;</li>
 *   <li>{@code kuberuntime/util}, {@code NamespacesForPod}: a PID namespace per container unless
 *       {@code shareProcessNamespace}, the node's with {@code hostPID};</li>
 *   <li>{@code labels.go}, {@code newPodLabels} and {@code newContainerLabels}.</li>
 * </ul>
 * One deviation, said in every report: pods get the node's network namespace, since the lab
 * installs no CNI plugin; a host-network sandbox then takes no hostname, as the kubelet does.
 */
final class KubeletCriRequests {

    static final String POD_NAME_LABEL = "io.kubernetes.pod.name";
    static final String POD_NAMESPACE_LABEL = "io.kubernetes.pod.namespace";
    static final String POD_UID_LABEL = "io.kubernetes.pod.uid";
    static final String CONTAINER_NAME_LABEL = "io.kubernetes.container.name";

    private KubeletCriRequests() {
    }

    /** Who a pod is, as the API server would have named it. */
    record PodIdentity(String name, String namespace, String uid) {

        Map<String, String> kubeletLabels() {
            return Map.of(POD_NAME_LABEL, name, POD_NAMESPACE_LABEL, namespace, POD_UID_LABEL, uid);
        }
    }

    static PodSandboxConfig sandbox(PodIdentity pod, PodSpec spec, Map<String, String> podLabels, Map<String, String> labLabels) {
        return PodSandboxConfig.newBuilder()
                .setMetadata(PodSandboxMetadata.newBuilder().setName(pod.name()).setNamespace(pod.namespace()).setUid(pod.uid()))
                .putAllLabels(podLabels)
                .putAllLabels(labLabels)
                .putAllLabels(pod.kubeletLabels())
                .setLinux(LinuxPodSandboxConfig.newBuilder()
                        .setSecurityContext(LinuxSandboxSecurityContext.newBuilder()
                                .setNamespaceOptions(namespaces(spec))
                                .setPrivileged(SeccompProfileRules.hasPrivilegedContainer(spec))
                                .setSeccomp(securityProfile(SeccompProfileRules.sandboxChoice(), null))))
                .build();
    }

    /**
     * @param localhostPaths turns a Localhost choice into the node path the kubelet sends
     * @param imageRef the image id the runtime reported, as the kubelet passes it
     */
    static ContainerConfig container(PodIdentity pod, PodSpec spec, Container container, ChosenProfile profile,
                                     Function<ChosenProfile, Path> localhostPaths, String imageRef) {
        Path localhost = profile.type() == ChosenProfile.Type.LOCALHOST ? localhostPaths.apply(profile) : null;
        ContainerConfig.Builder config = ContainerConfig.newBuilder()
                .setMetadata(ContainerMetadata.newBuilder().setName(container.getName()))
                .setImage(ImageSpec.newBuilder().setImage(imageRef).setUserSpecifiedImage(container.getImage()))
                .addAllCommand(listOrEmpty(container.getCommand()))
                .addAllArgs(listOrEmpty(container.getArgs()))
                .putAllLabels(pod.kubeletLabels())
                .putLabels(CONTAINER_NAME_LABEL, container.getName())
                .setLinux(LinuxContainerConfig.newBuilder()
                        .setSecurityContext(LinuxContainerSecurityContext.newBuilder()
                                .setNamespaceOptions(namespaces(spec))
                                .setPrivileged(SeccompProfileRules.isPrivileged(container))
                                .setSeccomp(securityProfile(profile, localhost))));
        Optional.ofNullable(container.getWorkingDir()).ifPresent(config::setWorkingDir);
        for (EnvVar env : listOrEmpty(container.getEnv())) {
            if (env.getValue() != null) {
                config.addEnvs(KeyValue.newBuilder().setKey(env.getName())
                        .setValue(com.google.protobuf.ByteString.copyFrom(env.getValue(), StandardCharsets.UTF_8)));
            }
        }
        return config.build();
    }

    static NamespaceOption namespaces(PodSpec spec) {
        NamespaceMode pid = Boolean.TRUE.equals(spec.getHostPID()) ? NamespaceMode.NODE
                : Boolean.TRUE.equals(spec.getShareProcessNamespace()) ? NamespaceMode.POD
                : NamespaceMode.CONTAINER;
        return NamespaceOption.newBuilder()
                .setNetwork(NamespaceMode.NODE)
                .setPid(pid)
                .setIpc(Boolean.TRUE.equals(spec.getHostIPC()) ? NamespaceMode.NODE : NamespaceMode.POD)
                .build();
    }

    static SecurityProfile securityProfile(ChosenProfile profile, Path localhost) {
        return switch (profile.type()) {
            case RUNTIME_DEFAULT -> SecurityProfile.newBuilder().setProfileType(SecurityProfile.ProfileType.RuntimeDefault).build();
            case UNCONFINED -> SecurityProfile.newBuilder().setProfileType(SecurityProfile.ProfileType.Unconfined).build();
            case LOCALHOST -> SecurityProfile.newBuilder().setProfileType(SecurityProfile.ProfileType.Localhost)
                    .setLocalhostRef(localhost.toString()).build();
        };
    }

    private static <T> List<T> listOrEmpty(List<T> values) {
        return values == null ? List.of() : values;
    }
}
