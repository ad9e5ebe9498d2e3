package dev.seccomplab.environments;

import java.util.OptionalInt;

/** What a command run in a container printed, and how it exited. */
public record ExecResult(int exitCode, String stdout, String stderr) {

    public boolean succeeded() {
        return exitCode == 0;
    }

    /**
     * The signal that killed the command, as its shell or runtime reports it: exit 128 + N is a
     * death by signal N (Linux has 64 signals).
     */
    public OptionalInt signal() {
        return exitCode > 128 && exitCode <= 128 + 64 ? OptionalInt.of(exitCode - 128) : OptionalInt.empty();
    }

    /** The command's output as a reader would see it in a terminal: stdout, then stderr. */
    public String transcript() {
        StringBuilder text = new StringBuilder(stdout);
        if (!stderr.isEmpty()) {
            if (text.length() > 0 && text.charAt(text.length() - 1) != '\n') {
                text.append('\n');
            }
            text.append(stderr);
        }
        return text.toString().strip() + "\n(exit code " + exitCode + ")";
    }

    /** Short, since the output itself is shown apart (the transcript, the evidence). */
    @Override
    public String toString() {
        return "exit code " + exitCode + signal().stream().mapToObj(n -> " (killed by signal " + n + ")").findFirst().orElse("");
    }
}
