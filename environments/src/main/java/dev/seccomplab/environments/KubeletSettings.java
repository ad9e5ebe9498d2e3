package dev.seccomplab.environments;

/**
 * The kubelet settings the lab teaches, with where their values came from.
 *
 * @param seccompDefault the kubelet's {@code seccompDefault} (CIS Kubernetes Benchmark 4.2.14)
 * @param source where the value was read, e.g. the node's {@code /configz}
 */
public record KubeletSettings(boolean seccompDefault, String source) {

    public static KubeletSettings wanted(boolean seccompDefault) {
        return new KubeletSettings(seccompDefault, "requested by the scenario");
    }
}
