package dev.seccomplab.environments;

import java.util.Locale;
import java.util.Map;

/**
 * A level of the Pod Security Standards that a namespace can enforce through Pod Security
 * Admission, the API server's built-in admission plugin ({@code pod-security.kubernetes.io/enforce}).
 */
public enum PodSecurityLevel {
    PRIVILEGED, BASELINE, RESTRICTED;

    public static final String ENFORCE_LABEL = "pod-security.kubernetes.io/enforce";

    /** As the label writes it: {@code privileged}, {@code baseline}, {@code restricted}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The namespace labels that make the API server enforce this level. */
    public Map<String, String> namespaceLabels() {
        return Map.of(ENFORCE_LABEL, label());
    }

    public static PodSecurityLevel parse(String level) {
        for (PodSecurityLevel known : values()) {
            if (known.label().equals(level)) {
                return known;
            }
        }
        throw new IllegalArgumentException("'" + level + "' is not a Pod Security Standard; the levels are privileged, baseline "
                + "and restricted");
    }
}
