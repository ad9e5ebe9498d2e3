package dev.seccomplab.scenarios.checks;

import java.util.Arrays;
import java.util.Locale;
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

    /**
     * As a scenario file writes it: {@code disabled}, {@code strict}, {@code filter}, or the number.
     *
     * @throws IllegalArgumentException naming what is allowed
     */
    public static SeccompMode parse(String written) {
        String text = written == null ? "" : written.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(mode -> mode.name().toLowerCase(Locale.ROOT).equals(text) || Integer.toString(mode.value).equals(text))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + written + "' is not a seccomp mode; use disabled (0), "
                        + "strict (1) or filter (2)"));
    }

    /** As the status file shows it, with its meaning: {@code Seccomp: 2 (filter)}. */
    public String describe() {
        return "Seccomp: " + value + " (" + name().toLowerCase() + ")";
    }
}
