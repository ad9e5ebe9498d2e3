package dev.seccomplab.environments;

/** What a command run in a container printed, and how it exited. */
public record ExecResult(int exitCode, String stdout, String stderr) {

    public boolean succeeded() {
        return exitCode == 0;
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
        return "exit code " + exitCode;
    }
}
