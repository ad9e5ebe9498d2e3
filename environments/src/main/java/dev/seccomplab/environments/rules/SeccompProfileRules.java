package dev.seccomplab.environments.rules;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
import java.util.Optional;

/**
 * The one place where the lab writes down how Kubernetes picks seccomp profiles. The environments
 * without a kubelet of their own ({@code cri}, {@code docker}) play the kubelet's part with
 * {@link #kubeletChoice} and {@link #sandboxChoice}; kind and real clusters let the real kubelet
 * decide, and the same scenarios check that both agree.
 *
 * <p>Sources (Kubernetes 1.34):
 * <ul>
 *   <li>kubelet, {@code pkg/kubelet/kuberuntime/helpers.go}, {@code getSeccompProfile} and
 *       {@code fieldSeccompProfile}: the container's {@code seccompProfile}, else the pod's, else
 *       {@code RuntimeDefault} when the kubelet's {@code seccompDefault} is true, else
 *       {@code Unconfined}. A Localhost profile is sent as the kubelet's seccomp root joined with
 *       {@code localhostProfile}. The Pod object in the API is not changed by this default.</li>
 *   <li>kubelet, {@code pkg/kubelet/kuberuntime/kuberuntime_sandbox.go},
 *       {@code generatePodSandboxLinuxConfig}: the pod sandbox is always asked for
 *       {@code RuntimeDefault} (kubernetes issue 84623), whatever the pod says, and is privileged
 *       when any of its containers is.</li>
 *   <li>Kubernetes API, {@code SeccompProfile.localhostProfile}: a descending path relative to
 *       the kubelet's seccomp directory ({@code /var/lib/kubelet/seccomp} by default); required
 *       for {@code Localhost} and forbidden otherwise.</li>
 * </ul>
 *
 * <p>The runtime's side is written down too, but only as a prediction for reports
 * ({@link #runtimePrediction}): containerd's CRI ({@code seccomp_linux.go},
 * {@code GenerateSeccompSpecOpts}) and Docker ({@code daemon/seccomp_linux.go},
 * {@code WithSeccomp}) attach no profile to a privileged container. No environment applies it:
 * the runtime decides, and the lab observes what it did, so a lesson can fail.
 */
public final class SeccompProfileRules {

    private SeccompProfileRules() {
    }

    /** The profile the kubelet asks the runtime for, for one container of a pod. */
    public static ChosenProfile kubeletChoice(PodSpec pod, Container container, boolean kubeletSeccompDefault) {
        Optional<SeccompProfile> ofContainer = Optional.ofNullable(container.getSecurityContext())
                .map(SecurityContext::getSeccompProfile);
        if (ofContainer.isPresent()) {
            return fromSpec(ofContainer.get(), "container " + container.getName() + "'s seccompProfile");
        }
        Optional<SeccompProfile> ofPod = Optional.ofNullable(pod.getSecurityContext())
                .map(PodSecurityContext::getSeccompProfile);
        if (ofPod.isPresent()) {
            return fromSpec(ofPod.get(), "the pod's seccompProfile");
        }
        return kubeletSeccompDefault
                ? new ChosenProfile(ChosenProfile.Type.RUNTIME_DEFAULT, null,
                        "no seccompProfile set; the kubelet's seccompDefault is true")
                : new ChosenProfile(ChosenProfile.Type.UNCONFINED, null,
                        "no seccompProfile set; the kubelet's seccompDefault is false");
    }

    /** The profile the kubelet asks for the pod sandbox (the pause process): always RuntimeDefault. */
    public static ChosenProfile sandboxChoice() {
        return new ChosenProfile(ChosenProfile.Type.RUNTIME_DEFAULT, null,
                "the kubelet runs every pod sandbox under RuntimeDefault, whatever the pod says");
    }

    /** What containerd and Docker are expected to attach, in words; a prediction, never applied. */
    public static String runtimePrediction(ChosenProfile chosen, boolean privileged) {
        if (privileged) {
            return "no profile: containerd and Docker attach none to a privileged container, although "
                    + chosen.describe() + " was asked for";
        }
        return switch (chosen.type()) {
            case UNCONFINED -> "no profile";
            case RUNTIME_DEFAULT -> "the runtime's own default profile";
            case LOCALHOST -> "the profile in the file " + chosen.localhostProfile();
        };
    }

    public static boolean isPrivileged(Container container) {
        return Optional.ofNullable(container.getSecurityContext())
                .map(SecurityContext::getPrivileged)
                .orElse(false);
    }

    /** kubelet, {@code HasPrivilegedContainer}: a sandbox is privileged when one of its containers is. */
    public static boolean hasPrivilegedContainer(PodSpec pod) {
        return pod.getContainers().stream().anyMatch(SeccompProfileRules::isPrivileged);
    }

    private static ChosenProfile fromSpec(SeccompProfile profile, String where) {
        String type = profile.getType();
        String localhost = profile.getLocalhostProfile();
        if ("Localhost".equals(type)) {
            if (localhost == null || localhost.isBlank()) {
                throw new IllegalArgumentException(where + " has type Localhost but no localhostProfile");
            }
            return new ChosenProfile(ChosenProfile.Type.LOCALHOST, localhost, where + " is Localhost");
        }
        if (localhost != null) {
            throw new IllegalArgumentException(where + " sets localhostProfile, which only type Localhost may");
        }
        return switch (type == null ? "" : type) {
            case "RuntimeDefault" -> new ChosenProfile(ChosenProfile.Type.RUNTIME_DEFAULT, null, where + " is RuntimeDefault");
            case "Unconfined" -> new ChosenProfile(ChosenProfile.Type.UNCONFINED, null, where + " is Unconfined");
            default -> throw new IllegalArgumentException(where + " has type '" + type
                    + "'; Kubernetes knows RuntimeDefault, Unconfined and Localhost");
        };
    }
}
