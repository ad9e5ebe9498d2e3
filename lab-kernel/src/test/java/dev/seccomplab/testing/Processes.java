package dev.seccomplab.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a program to its end for a test, reading its output as it comes so that a full pipe never blocks it. */
public final class Processes {

    private Processes() {
    }

    public record Result(int exitCode, String output) {
    }

    public static Result run(List<String> command, Map<String, String> env, Path directory, long timeoutSeconds) throws Exception {
        Process process = start(command, env, directory);
        Output output = new Output(process);
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s:\n" + output.text());
        }
        return new Result(process.exitValue(), output.text());
    }

    public static Process start(List<String> command, Map<String, String> env, Path directory) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        return builder.start();
    }

    /** A process's output, collected on a thread of its own. */
    public static final class Output {
        private final Thread reader;
        private final StringBuffer text = new StringBuffer();

        public Output(Process process) {
            reader = new Thread(() -> {
                try {
                    byte[] buffer = new byte[8192];
                    for (int n; (n = process.getInputStream().read(buffer)) > 0; ) {
                        text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    }
                } catch (IOException e) {
                    text.append("(output unreadable: ").append(e).append(')');
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        /** What the process printed so far. */
        public String sofar() {
            return text.toString();
        }

        public String text() throws InterruptedException {
            reader.join(5000);
            return text.toString();
        }
    }
}
