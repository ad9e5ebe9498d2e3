package dev.seccomplab.environments;

/**
 * The kubelet settings the lab teaches, with where their values came from.
 *
 * @param seccompDefault the kubelet's {@code seccompDefault} (CIS Kubernetes Benchmark 4.2.14)
 * @param source where the value was read, e.g. the node's {@code /configz}
 */
public record KubeletSettings(boolean seccompDefault, String source) {

    /**
     * The kubelet's own default when its configuration does not set {@code seccompDefault}
     * (KubeletConfiguration v1beta1; still false since the setting went GA in Kubernetes 1.27).
     */
    public static final boolean KUBELET_DEFAULT_SECCOMP_DEFAULT = false;

    public static KubeletSettings wanted(boolean seccompDefault) {
        return new KubeletSettings(seccompDefault, "requested by the scenario");
    }

    /** As a notebook prints it: the setting as it is written in a KubeletConfiguration, then its source. */
    @Override
    public String toString() {
        return "seccompDefault: " + seccompDefault + " (read from " + source + ")";
    }
}
