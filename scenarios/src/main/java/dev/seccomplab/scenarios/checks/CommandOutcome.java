package dev.seccomplab.scenarios.checks;

import dev.seccomplab.environments.ExecResult;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How a command in a pod ended, in the terms a seccomp lesson uses: it succeeded, a system call
 * failed with an errno (the default action {@code SCMP_ACT_ERRNO} gives EPERM), or the process
 * was killed by a signal ({@code SCMP_ACT_KILL_PROCESS} gives SIGSYS).
 *
 * @param kind which of those, or {@link Kind#OTHER} for an exit the lab cannot name
 * @param name the errno or signal name, e.g. {@code EPERM}, {@code SIGSYS}; empty for "any errno";
 *     for OTHER, the exit code
 */
public record CommandOutcome(Kind kind, String name) {

    public enum Kind { SUCCEEDS, FAILS_WITH_ERRNO, KILLED_BY_SIGNAL, NOT_FOUND, OTHER }

    /** strerror(3) texts of glibc, which the lab's busybox and keyctl print. */
    static final Map<String, String> ERRNO_TEXTS = new LinkedHashMap<>();
    /** Signal numbers on Linux (x86-64 and arm64) and strsignal(3) texts. */
    static final Map<String, Integer> SIGNAL_NUMBERS = new LinkedHashMap<>();
    static final Map<String, String> SIGNAL_TEXTS = new LinkedHashMap<>();

    static {
        ERRNO_TEXTS.put("EPERM", "Operation not permitted");
        ERRNO_TEXTS.put("EACCES", "Permission denied");
        ERRNO_TEXTS.put("ENOSYS", "Function not implemented");
        ERRNO_TEXTS.put("EINVAL", "Invalid argument");
        ERRNO_TEXTS.put("ENOENT", "No such file or directory");
        ERRNO_TEXTS.put("EFAULT", "Bad address");
        ERRNO_TEXTS.put("ESRCH", "No such process");
        ERRNO_TEXTS.put("EOPNOTSUPP", "Operation not supported");
        signal("SIGSYS", 31, "Bad system call");
        signal("SIGKILL", 9, "Killed");
        signal("SIGSEGV", 11, "Segmentation fault");
        signal("SIGABRT", 6, "Aborted");
        signal("SIGTERM", 15, "Terminated");
    }

    private static void signal(String name, int number, String text) {
        SIGNAL_NUMBERS.put(name, number);
        SIGNAL_TEXTS.put(name, text);
    }

    public static CommandOutcome succeeds() {
        return new CommandOutcome(Kind.SUCCEEDS, "");
    }

    /** Refused by the kernel with some errno, whichever: a profile may choose its own with {@code errnoRet}. */
    public static CommandOutcome anyErrno() {
        return new CommandOutcome(Kind.FAILS_WITH_ERRNO, "");
    }

    /**
     * Reads an outcome as a scenario file writes it: {@code success}, an errno name such as
     * {@code EPERM} or {@code errno} for any, or a signal name such as {@code SIGSYS}.
     *
     * @throws IllegalArgumentException naming what is allowed
     */
    public static CommandOutcome parse(String written) {
        String name = written == null ? "" : written.strip().toUpperCase(Locale.ROOT);
        if (name.equals("SUCCESS") || name.equals("SUCCEEDS")) {
            return succeeds();
        }
        if (name.equals("ERRNO")) {
            return anyErrno();
        }
        if (ERRNO_TEXTS.containsKey(name)) {
            return new CommandOutcome(Kind.FAILS_WITH_ERRNO, name);
        }
        if (SIGNAL_NUMBERS.containsKey(name)) {
            return new CommandOutcome(Kind.KILLED_BY_SIGNAL, name);
        }
        throw new IllegalArgumentException("'" + written + "' is not an outcome the lab knows; use success, errno (any), an errno ("
                + String.join(", ", ERRNO_TEXTS.keySet()) + ") or a signal (" + String.join(", ", SIGNAL_NUMBERS.keySet()) + ")");
    }

    /** What the command's exit and output show. */
    public static CommandOutcome of(ExecResult result) {
        if (result.exitCode() == 0) {
            return succeeds();
        }
        Optional<String> signal = SIGNAL_NUMBERS.entrySet().stream()
                .filter(e -> result.signal().equals(OptionalInt.of(e.getValue()))).map(Map.Entry::getKey).findFirst();
        if (signal.isPresent()) {
            return new CommandOutcome(Kind.KILLED_BY_SIGNAL, signal.get());
        }
        String output = result.stdout() + "\n" + result.stderr();
        if (result.exitCode() == 127 || result.exitCode() == 126) {
            return new CommandOutcome(Kind.NOT_FOUND, Integer.toString(result.exitCode()));
        }
        return ERRNO_TEXTS.entrySet().stream()
                .filter(e -> output.contains(e.getValue()))
                .findFirst()
                .map(e -> new CommandOutcome(Kind.FAILS_WITH_ERRNO, e.getKey()))
                .orElse(new CommandOutcome(Kind.OTHER, Integer.toString(result.exitCode())));
    }

    /** Whether an observed outcome is this expected one: the same, or any errno where any is expected. */
    public boolean admits(CommandOutcome observed) {
        return equals(observed) || kind == Kind.FAILS_WITH_ERRNO && name.isEmpty() && observed.kind == Kind.FAILS_WITH_ERRNO;
    }

    public String describe() {
        return switch (kind) {
            case SUCCEEDS -> "succeeds";
            case FAILS_WITH_ERRNO -> name.isEmpty() ? "fails with an errno" : "fails with " + name + " (" + ERRNO_TEXTS.get(name) + ")";
            case KILLED_BY_SIGNAL -> "killed by " + name + " (" + SIGNAL_TEXTS.get(name) + ", exit " + (128 + SIGNAL_NUMBERS.get(name)) + ")";
            case NOT_FOUND -> "could not be run (exit " + name + ")";
            case OTHER -> "exits " + name + " with no errno or signal the lab can name";
        };
    }
}
