package dev.seccomplab.environments.rules;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
import java.util.Optional;

/**
 * The one place where the lab writes down how Kubernetes picks a container's seccomp profile.
 * Every environment that has to decide for itself (the docker environment has no kubelet) asks
 * here; the Kubernetes environments let the real kubelet decide, and the same scenarios check
 * that both agree.
 *
 * <p>Sources:
 * <ul>
 *   <li>kubelet, {@code pkg/kubelet/kuberuntime/helpers.go}, {@code getSeccompProfile}: the
 *       container's {@code seccompProfile}, else the pod's, else {@code RuntimeDefault} when the
 *       kubelet's {@code seccompDefault} is true, else {@code Unconfined}. The Pod object in the API
 *       is not changed by that default.</li>
 *   <li>containerd CRI, {@code seccomp_linux.go}, {@code GenerateSeccompSpecOpts}: a privileged
 *       container gets no seccomp profile at all, whatever the spec asked for.</li>
 *   <li>Kubernetes API, {@code SeccompProfile.localhostProfile}: a path relative to the kubelet's
 *       seccomp directory ({@code /var/lib/kubelet/seccomp} by default); required for
 *       {@code Localhost} and forbidden otherwise.</li>
 * </ul>
 */
public final class SeccompProfileRules {

    private SeccompProfileRules() {
    }

    public static EffectiveSeccomp effectiveProfile(PodSpec pod, Container container, boolean kubeletSeccompDefault) {
        EffectiveSeccomp asked = askedProfile(pod, container, kubeletSeccompDefault);
        if (isPrivileged(container)) {
            return new EffectiveSeccomp(EffectiveSeccomp.Type.UNCONFINED, null,
                    "privileged: the runtime attaches no seccomp profile, although the kubelet chose "
                            + describe(asked) + " (" + asked.reason() + ")");
        }
        return asked;
    }

    public static boolean isPrivileged(Container container) {
        return Optional.ofNullable(container.getSecurityContext())
                .map(SecurityContext::getPrivileged)
                .orElse(false);
    }

    private static EffectiveSeccomp askedProfile(PodSpec pod, Container container, boolean kubeletSeccompDefault) {
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
                ? new EffectiveSeccomp(EffectiveSeccomp.Type.RUNTIME_DEFAULT, null,
                        "no seccompProfile set; the kubelet's seccompDefault is true")
                : new EffectiveSeccomp(EffectiveSeccomp.Type.UNCONFINED, null,
                        "no seccompProfile set; the kubelet's seccompDefault is false");
    }

    private static EffectiveSeccomp fromSpec(SeccompProfile profile, String where) {
        String type = profile.getType();
        String localhost = profile.getLocalhostProfile();
        if ("Localhost".equals(type)) {
            if (localhost == null || localhost.isBlank()) {
                throw new IllegalArgumentException(where + " has type Localhost but no localhostProfile");
            }
            return new EffectiveSeccomp(EffectiveSeccomp.Type.LOCALHOST, localhost, where + " is Localhost");
        }
        if (localhost != null) {
            throw new IllegalArgumentException(where + " sets localhostProfile, which only type Localhost may");
        }
        return switch (type == null ? "" : type) {
            case "RuntimeDefault" -> new EffectiveSeccomp(EffectiveSeccomp.Type.RUNTIME_DEFAULT, null, where + " is RuntimeDefault");
            case "Unconfined" -> new EffectiveSeccomp(EffectiveSeccomp.Type.UNCONFINED, null, where + " is Unconfined");
            default -> throw new IllegalArgumentException(where + " has type '" + type
                    + "'; Kubernetes knows RuntimeDefault, Unconfined and Localhost");
        };
    }

    private static String describe(EffectiveSeccomp profile) {
        return switch (profile.type()) {
            case UNCONFINED -> "Unconfined";
            case RUNTIME_DEFAULT -> "RuntimeDefault";
            case LOCALHOST -> "Localhost " + profile.localhostProfile();
        };
    }
}
