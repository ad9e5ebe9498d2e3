package dev.seccomplab.environments.rules;

import java.util.Objects;

/**
 * The seccomp profile the kubelet asks the runtime to attach to one container, and the rule that
 * chose it. What the runtime then really attaches is observed, never taken from here.
 *
 * @param type what the runtime is asked for
 * @param localhostProfile for {@link Type#LOCALHOST}, the path relative to the kubelet's seccomp root
 * @param reason the rule that decided, in words fit for a report
 */
public record ChosenProfile(Type type, String localhostProfile, String reason) {

    public enum Type { UNCONFINED, RUNTIME_DEFAULT, LOCALHOST }

    public ChosenProfile {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(reason, "reason");
        if ((type == Type.LOCALHOST) != (localhostProfile != null)) {
            throw new IllegalArgumentException("a localhostProfile goes with type Localhost, and only with it");
        }
    }

    /** As a Pod spec writes it: {@code RuntimeDefault}, {@code Unconfined}, {@code Localhost profiles/x.json}. */
    public String describe() {
        return switch (type) {
            case UNCONFINED -> "Unconfined";
            case RUNTIME_DEFAULT -> "RuntimeDefault";
            case LOCALHOST -> "Localhost " + localhostProfile;
        };
    }
}
