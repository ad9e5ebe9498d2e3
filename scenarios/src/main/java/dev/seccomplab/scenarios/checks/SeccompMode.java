package dev.seccomplab.scenarios.checks;

import java.util.Arrays;
import java.util.Optional;

/** The values of {@code Seccomp:} in {@code /proc/PID/status} (Documentation/filesystems/proc.rst). */
public enum SeccompMode {
    DISABLED(0), STRICT(1), FILTER(2);

    private final int value;

    SeccompMode(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    public static Optional<SeccompMode> of(int value) {
        return Arrays.stream(values()).filter(m -> m.value == value).findFirst();
    }

    /** As the status file shows it, with its meaning: {@code Seccomp: 2 (filter)}. */
    public String describe() {
        return "Seccomp: " + value + " (" + name().toLowerCase() + ")";
    }
}
