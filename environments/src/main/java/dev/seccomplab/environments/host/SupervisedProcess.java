package dev.seccomplab.environments.host;

import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.Poll;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A long-running program of the lab's (containerd, etcd, the API server, the kubelet), owned by the
 * lab process that started it, the way a node's init system owns its daemons.
 *
 * <p>It runs under a small shell watchdog in a session of its own, so that Ctrl-C reaches only the
 * lab, which then stops its programs in order. The watchdog holds a pipe from the lab: when the lab
 * closes it, or dies and the kernel closes it (even on {@code kill -9}), the watchdog stops the
 * program. With {@link Restart#ALWAYS} the watchdog starts the program again whenever it exits, as
 * systemd's {@code Restart=always} does for a kubeadm node's kubelet; a restart is then a TERM to
 * the program, from any process that can read the pid file.
 */
public final class SupervisedProcess implements AutoCloseable {

    public enum Restart { NEVER, ALWAYS }

    static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    /**
     * $1 log, $2 pid file, $3 never|always, then the command. fd 3 is the lab's pipe; a reader on it
     * stops everything at end of file. The loop waits again when a signal interrupts wait. A program
     * that ends by itself is started again after a second, as systemd's RestartSec does against a
     * crash loop; one stopped by {@link #restart} (which leaves a note beside the pid file) at once.
     */
    private static final String WATCHDOG = String.join("\n",
            "log=$1; pidfile=$2; policy=$3; shift 3",
            "stopping=0; child=; status=0",
            "stop() { stopping=1; [ -n \"$child\" ] && kill -TERM \"$child\" 2>/dev/null; }",
            "trap stop TERM INT",
            "exec 3<&0 </dev/null",
            "( read -r ignored <&3; kill -TERM $$ ) &",
            "reader=$!",
            "exec 3<&-",
            "while :; do",
            "  \"$@\" >>\"$log\" 2>&1 &",
            "  child=$!",
            "  echo \"$child\" >\"$pidfile\"",
            "  while :; do wait \"$child\"; status=$?; kill -0 \"$child\" 2>/dev/null || break; done",
            "  [ \"$stopping\" = 1 ] && break",
            "  [ \"$policy\" = always ] || break",
            "  if [ -e \"$pidfile.restart\" ]; then rm -f \"$pidfile.restart\"; echo \"seccomp-lab: restarting $1\" >>\"$log\";",
            "  else echo \"seccomp-lab: $1 exited with status $status; starting it again in 1 s\" >>\"$log\"; sleep 1; fi",
            "  [ \"$stopping\" = 1 ] && break",
            "done",
            "kill \"$reader\" 2>/dev/null",
            "exit \"$status\"");

    private final String name;
    private final Process watchdog;
    private final Path pidFile;
    private final Path log;

    private SupervisedProcess(String name, Process watchdog, Path pidFile, Path log) {
        this.name = name;
        this.watchdog = watchdog;
        this.pidFile = pidFile;
        this.log = log;
    }

    /**
     * Starts {@code command} under its watchdog; returns once the program has a pid.
     *
     * @param name for messages, e.g. {@code kube-apiserver}
     * @param log where the program's output is appended
     * @param pidFile where the watchdog writes the pid of the program it runs now
     */
    public static SupervisedProcess start(String name, List<String> command, Path log, Path pidFile, Restart restart) {
        List<String> watched = new ArrayList<>(List.of("setsid", "sh", "-c", WATCHDOG, "seccomp-lab-" + name, log.toString(),
                pidFile.toString(), restart == Restart.ALWAYS ? "always" : "never"));
        watched.addAll(command);
        Process watchdog;
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Files.createDirectories(pidFile.toAbsolutePath().getParent());
            Files.deleteIfExists(pidFile);
            watchdog = new ProcessBuilder(watched)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new LabEnvironmentException("Cannot start " + name + " (" + command.get(0) + "): " + e.getMessage(), e);
        }
        SupervisedProcess process = new SupervisedProcess(name, watchdog, pidFile, log);
        Poll.until(Duration.ofSeconds(5), Duration.ofMillis(10), () -> {
            if (!watchdog.isAlive()) {
                throw new LabEnvironmentException("Could not start " + name + ": its watchdog ended. The end of its log ("
                        + log + "):\n" + tail(log, 8));
            }
            return process.pid();
        }, () -> new LabEnvironmentException("Could not start " + name + ": its watchdog wrote no pid within 5 s"));
        return process;
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    /** The pid of the program the watchdog runs now; it changes at each restart. */
    public Optional<Long> pid() {
        return readPid(pidFile);
    }

    /** Whether the program (or, with {@link Restart#ALWAYS}, its supervision) is still going. */
    public boolean isRunning() {
        return watchdog.isAlive();
    }

    /** Stops the program; one that outstays {@link #STOP_TIMEOUT} is killed. Safe to call twice. */
    @Override
    public void close() {
        try {
            watchdog.getOutputStream().close();
        } catch (IOException alreadyClosed) {
            // The watchdog sees end of file either way.
        }
        try {
            watchdog.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            pid().flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroyForcibly);
            watchdog.destroyForcibly();
        } catch (InterruptedException e) {
            pid().flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroyForcibly);
            watchdog.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops a program whose supervisor may belong to another lab process, or to none any more (a
     * killed run's, or any one for {@code lab down}): its watchdog first, so that it is not started
     * again, then the program the pid file names, when its command line still mentions
     * {@code marker} (a pid may have been reused by now). TERM, then KILL after {@code grace}.
     * Returns the program's pid when it was running.
     */
    public static Optional<Long> stopLeftover(Path pidFile, String marker, Duration grace) {
        Optional<ProcessHandle> program = readPid(pidFile).filter(pid -> commandLine(pid).contains(marker)).flatMap(ProcessHandle::of);
        String watchdogStart = "sh -c " + WATCHDOG.substring(0, WATCHDOG.indexOf('\n'));
        ProcessHandle.allProcesses()
                .filter(process -> commandLine(process.pid()).startsWith(watchdogStart)
                        && commandLine(process.pid()).contains(" " + pidFile + " "))
                .forEach(watchdog -> stop(watchdog, grace));
        program.filter(ProcessHandle::isAlive).ifPresent(handle -> stop(handle, grace));
        return program.map(ProcessHandle::pid);
    }

    private static void stop(ProcessHandle process, Duration grace) {
        process.destroy();
        try {
            process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Restarts a program supervised with {@link Restart#ALWAYS}, from any process: a TERM to the
     * program its pid file names, then the wait for its watchdog to start the next one. Returns the
     * new pid.
     */
    public static long restart(Path pidFile, String marker, Duration timeout) {
        long old = readPid(pidFile).filter(pid -> commandLine(pid).contains(marker)).orElseThrow(() ->
                new LabEnvironmentException("Nothing to restart: " + pidFile + " names no running program of " + marker));
        try {
            Files.writeString(pidFile.resolveSibling(pidFile.getFileName() + ".restart"), Long.toString(old));
        } catch (IOException e) {
            throw new LabEnvironmentException("Cannot ask for a restart beside " + pidFile + ": " + e.getMessage(), e);
        }
        ProcessHandle.of(old).ifPresent(ProcessHandle::destroy);
        return Poll.until(timeout, Duration.ofMillis(50),
                () -> readPid(pidFile).filter(now -> now != old && ProcessHandle.of(now).map(ProcessHandle::isAlive).orElse(false)),
                () -> new LabEnvironmentException("The program of " + pidFile + " (pid " + old + ") was stopped, but no new one "
                        + "started within " + timeout.toSeconds() + " s: is its supervisor (a lab process) still running?"));
    }

    /** The last lines of a log, for error messages. */
    public static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    public static Optional<Long> readPid(Path pidFile) {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A process's command line with spaces for NULs, or empty when it is gone. */
    public static String commandLine(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ');
        } catch (IOException gone) {
            return "";
        }
    }
}
