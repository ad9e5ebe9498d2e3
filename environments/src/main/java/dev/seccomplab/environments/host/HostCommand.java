package dev.seccomplab.environments.host;

import dev.seccomplab.environments.LabEnvironmentException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A program of this host run to its end, with a timeout that really bounds it: its output is read
 * on a thread of its own while the caller waits, so a program that hangs is killed when the time is
 * up instead of blocking the read.
 */
public final class HostCommand {

    private final List<String> command;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private Duration timeout = Duration.ofSeconds(30);
    private byte[] input;
    private Path directory;
    private Consumer<String> lines = line -> { };

    private HostCommand(List<String> command) {
        this.command = List.copyOf(command);
    }

    public static HostCommand of(String... command) {
        return new HostCommand(List.of(command));
    }

    public static HostCommand of(List<String> command) {
        return new HostCommand(command);
    }

    public HostCommand timeout(Duration limit) {
        this.timeout = limit;
        return this;
    }

    /** Bytes written to the program's standard input, which is then closed. */
    public HostCommand input(byte[] bytes) {
        this.input = bytes.clone();
        return this;
    }

    public HostCommand environment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    public HostCommand directory(Path workingDirectory) {
        this.directory = workingDirectory;
        return this;
    }

    /** Each line of output as it comes, for long programs whose progress and log are shown while they run. */
    public HostCommand onLine(Consumer<String> consumer) {
        this.lines = consumer;
        return this;
    }

    public List<String> command() {
        return command;
    }

    /** The program's exit code and its standard output and error, interleaved as it wrote them. */
    public record Result(int exitCode, String output) {

        public boolean succeeded() {
            return exitCode == 0;
        }
    }

    /**
     * Runs the program.
     *
     * @throws LabEnvironmentException when it cannot be started or does not end within the timeout
     */
    public Result run() {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new LabEnvironmentException("Cannot run " + command.get(0) + ": " + e.getMessage(), e);
        }
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream(), lines), HostCommand::daemon);
        try (OutputStream stdin = process.getOutputStream()) {
            if (input != null) {
                stdin.write(input);
            }
        } catch (IOException e) {
            // The program ended without reading all of it; its exit code and output say why.
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new LabEnvironmentException("'" + String.join(" ", command) + "' did not finish within "
                        + timeout.toSeconds() + " s and was killed");
            }
            return new Result(process.exitValue(), output.get(5, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new LabEnvironmentException("Interrupted while running " + command.get(0), e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // The program is gone but a child of it still holds its output open; what was read is enough.
            return new Result(process.exitValue(), output.getNow(""));
        }
    }

    /** Runs the program and returns its output; a non-zero exit is an error naming the command and what it printed. */
    public String runOrThrow() {
        Result result = run();
        if (!result.succeeded()) {
            throw new LabEnvironmentException("'" + String.join(" ", command) + "' failed with exit code " + result.exitCode()
                    + ": " + result.output().strip());
        }
        return result.output();
    }

    private static String readAll(InputStream in, Consumer<String> lines) {
        StringBuilder all = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                all.append(line).append('\n');
                lines.accept(line);
            }
        } catch (IOException e) {
            // The program's output ended early; what was read is kept.
        }
        return all.toString();
    }

    private static void daemon(Runnable task) {
        Thread thread = new Thread(task, "seccomp-lab-command-output");
        thread.setDaemon(true);
        thread.start();
    }
}
