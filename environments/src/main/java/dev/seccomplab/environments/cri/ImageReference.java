package dev.seccomplab.environments.cri;

/**
 * An image name as a Pod spec writes it, with the two things Kubernetes reads into it.
 *
 * <ul>
 *   <li>{@link #normalised()}: the full name runtimes store (distribution's
 *       {@code ParseNormalizedNamed}): {@code busybox} is {@code docker.io/library/busybox:latest}.</li>
 *   <li>{@link #pullPolicy(String)}: the API server's default when the spec sets none
 *       ({@code pkg/apis/core/v1/defaults.go}, {@code SetDefaults_Container}): {@code Always}
 *       for the tag {@code latest} or no tag, else {@code IfNotPresent}.</li>
 * </ul>
 */
public record ImageReference(String asWritten) {

    private static final String DEFAULT_DOMAIN = "docker.io";

    public String normalised() {
        String name = asWritten;
        int slash = name.indexOf('/');
        String first = slash < 0 ? "" : name.substring(0, slash);
        boolean hasDomain = slash >= 0
                && (first.contains(".") || first.contains(":") || first.equals("localhost") || !first.equals(first.toLowerCase()));
        if (!hasDomain) {
            name = DEFAULT_DOMAIN + "/" + (slash < 0 ? "library/" : "") + name;
        }
        return hasTagOrDigest(name) ? name : name + ":latest";
    }

    /** The policy the kubelet follows: the spec's, or the API server's default for this name. */
    public String pullPolicy(String fromSpec) {
        if (fromSpec != null && !fromSpec.isBlank()) {
            return fromSpec;
        }
        return "latest".equals(tag()) ? "Always" : "IfNotPresent";
    }

    /** The tag as Kubernetes' image parser reads it: {@code latest} when neither tag nor digest is given. */
    String tag() {
        if (asWritten.contains("@")) {
            return "";
        }
        int colon = asWritten.lastIndexOf(':');
        return colon > asWritten.lastIndexOf('/') ? asWritten.substring(colon + 1) : "latest";
    }

    private static boolean hasTagOrDigest(String name) {
        return name.contains("@") || name.lastIndexOf(':') > name.lastIndexOf('/');
    }
}
