package dev.seccomplab.environments.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.Poll;
import dev.seccomplab.environments.Progress;
import dev.seccomplab.environments.host.SupervisedProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Every system call that tasks under a seccomp filter make, seen by the kernel at
 * {@code raw_syscalls:sys_enter} and counted there by a bpftrace program, per PID namespace.
 *
 * <p>Why this observer: the counts are aggregated in a kernel map, so no call is lost on the way
 * (the audit records of {@code SCMP_ACT_LOG} are rate-limited without an audit daemon). Only tasks
 * with a filter count ({@code seccomp.mode == 2}), so runc's work before it installs the
 * container's filter stays out; a call the filter refuses never reaches the tracepoint, so every
 * call counted was one the running profile allowed. The trace starts before the pod, so the
 * container's own start-up is in it, and is told apart afterwards by its PID namespace.
 *
 * <p>bpftrace runs under {@link SupervisedProcess}'s watchdog, which stops it if the lab dies, and
 * the program ends by itself after {@code limit} in any case.
 */
public final class SyscallTrace implements AutoCloseable {

    static final String PROGRAM = """
            tracepoint:raw_syscalls:sys_enter /curtask->seccomp.mode == 2/ {
              @calls[curtask->nsproxy->pid_ns_for_children->ns.inum, args->id] = count();
            }
            interval:s:%d { exit(); }
            """;

    /** Volatile, like a node's /run: a trace's output lives only while it runs. */
    static final Path DIRECTORY = Path.of("/run/seccomp-lab/trace");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SupervisedProcess bpftrace;
    private final Path output;
    private Map<String, SortedMap<Integer, Long>> counts;

    private SyscallTrace(SupervisedProcess bpftrace, Path output) {
        this.bpftrace = bpftrace;
        this.output = output;
    }

    /**
     * Whether this host can trace, before anything starts.
     *
     * @throws dev.seccomplab.environments.HostLimitException naming what is missing and how to get it
     */
    public static void requireHost() {
        TraceHost.check();
    }

    /**
     * Starts counting; returns once the kernel runs the program.
     *
     * @param limit the longest the trace may run
     * @throws dev.seccomplab.environments.HostLimitException when this host cannot trace (see {@link TraceHost})
     */
    public static SyscallTrace start(Duration limit, Progress progress) {
        Path bpftraceProgram = TraceHost.check();
        Path output = DIRECTORY.resolve("bpftrace-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".json");
        progress.step("starting the system call trace: bpftrace on raw_syscalls:sys_enter, tasks under a seccomp filter");
        SupervisedProcess process = SupervisedProcess.start("bpftrace", List.of(bpftraceProgram.toString(), "-f", "json", "-e",
                PROGRAM.formatted(Math.max(1, limit.toSeconds()))), output, DIRECTORY.resolve(output.getFileName() + ".pid"),
                SupervisedProcess.Restart.NEVER);
        SyscallTrace trace = new SyscallTrace(process, output);
        try {
            Poll.until(Duration.ofSeconds(60), Duration.ofMillis(50), trace::attached,
                    () -> new LabEnvironmentException("bpftrace did not attach its probe within 60 s; its output (" + output + "):\n"
                            + SupervisedProcess.tail(output, 8)));
        } catch (RuntimeException e) {
            trace.close();
            throw e;
        }
        progress.step("the trace is attached");
        return trace;
    }

    private Optional<Boolean> attached() {
        if (lines().stream().anyMatch(line -> line.contains("\"attached_probes\""))) {
            return Optional.of(true);
        }
        if (!bpftrace.isRunning()) {
            throw new LabEnvironmentException("bpftrace ended before it attached its probe. Its output (" + output + "):\n"
                    + SupervisedProcess.tail(output, 8));
        }
        return Optional.empty();
    }

    /** Stops the trace (once) and returns the calls counted in one PID namespace, by system call number. */
    public synchronized SortedMap<Integer, Long> stop(String pidNamespace) {
        if (counts == null) {
            bpftrace.close();
            counts = parse(lines(), output);
            deleteOutput();
        }
        return counts.getOrDefault(inode(pidNamespace), new TreeMap<>());
    }

    /** Counts by PID namespace inode and call number, from bpftrace's JSON lines. */
    static Map<String, SortedMap<Integer, Long>> parse(List<String> lines, Path source) {
        Map<String, SortedMap<Integer, Long>> counts = new HashMap<>();
        for (String line : lines) {
            if (!line.startsWith("{")) {
                continue; // bpftrace's own warnings share the log
            }
            JsonNode calls;
            try {
                calls = JSON.readTree(line).path("data").path("@calls");
            } catch (IOException e) {
                throw new LabEnvironmentException("bpftrace wrote a line that is not JSON to " + source + ": " + line, e);
            }
            calls.fields().forEachRemaining(entry -> {
                String[] key = entry.getKey().split(",");
                counts.computeIfAbsent(key[0], ignored -> new TreeMap<>()).merge(Integer.parseInt(key[1]), entry.getValue().asLong(), Long::sum);
            });
        }
        return counts;
    }

    /** {@code pid:[4026532327]} → {@code 4026532327}. */
    static String inode(String pidNamespace) {
        return pidNamespace.replaceAll("\\D", "");
    }

    private List<String> lines() {
        try {
            return Files.exists(output) ? Files.readAllLines(output) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void deleteOutput() {
        try {
            Files.deleteIfExists(output);
            Files.deleteIfExists(output.resolveSibling(output.getFileName() + ".pid"));
        } catch (IOException ignored) {
            // A trace's output in the lab's run directory; the next boot clears it.
        }
    }

    @Override
    public synchronized void close() {
        bpftrace.close();
        deleteOutput();
    }
}
