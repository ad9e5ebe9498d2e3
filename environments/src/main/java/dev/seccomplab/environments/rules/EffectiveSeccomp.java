package dev.seccomplab.environments.rules;

import java.util.Objects;

/**
 * The seccomp profile a container really gets, and the rule that chose it.
 *
 * @param type what the runtime is told to attach
 * @param localhostProfile for {@link Type#LOCALHOST}, the path relative to the kubelet's seccomp root
 * @param reason the rule that decided, in words fit for a report
 */
public record EffectiveSeccomp(Type type, String localhostProfile, String reason) {

    public enum Type { UNCONFINED, RUNTIME_DEFAULT, LOCALHOST }

    public EffectiveSeccomp {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(reason, "reason");
        if ((type == Type.LOCALHOST) != (localhostProfile != null)) {
            throw new IllegalArgumentException("a localhostProfile goes with type Localhost, and only with it");
        }
    }
}
