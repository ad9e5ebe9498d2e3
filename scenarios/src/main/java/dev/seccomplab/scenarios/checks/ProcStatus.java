package dev.seccomplab.scenarios.checks;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the seccomp mode from {@code /proc/PID/status} text. Kernels from 5.9 also print
 * {@code Seccomp_filters:} on its own line, so the match is anchored on {@code ^Seccomp:}.
 */
public final class ProcStatus {

    private static final Pattern SECCOMP_LINE = Pattern.compile("(?m)^Seccomp:\\s*(\\d+)\\s*$");

    private ProcStatus() {
    }

    public static Optional<SeccompMode> seccompMode(String status) {
        Matcher matcher = SECCOMP_LINE.matcher(status);
        return matcher.find() ? SeccompMode.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
    }

    /** The lines {@code grep Seccomp} would print, as evidence. */
    public static String seccompLines(String status) {
        return status.lines().filter(line -> line.startsWith("Seccomp")).collect(Collectors.joining("\n"));
    }
}
