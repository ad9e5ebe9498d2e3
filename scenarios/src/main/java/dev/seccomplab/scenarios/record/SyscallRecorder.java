package dev.seccomplab.scenarios.record;

import dev.seccomplab.environments.ExecResult;
import dev.seccomplab.environments.HostLimitException;
import dev.seccomplab.environments.LabEnvironment;
import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.MainProcessStatus;
import dev.seccomplab.environments.PodHandle;
import dev.seccomplab.environments.Progress;
import dev.seccomplab.environments.Workspace;
import dev.seccomplab.environments.profile.SeccompProfileSummary;
import dev.seccomplab.environments.trace.SyscallNames;
import dev.seccomplab.environments.trace.SyscallTrace;
import dev.seccomplab.scenarios.checks.ProcStatus;
import dev.seccomplab.scenarios.checks.SeccompMode;
import java.time.Duration;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Records what a workload calls: the trace starts, the pod starts under its filter, each exercise
 * command runs, the pod is removed (so its shutdown is in the record too), and the trace stops.
 * The container's calls are those counted in its main process's PID namespace, which the lab reads
 * on the node, from outside the pod, so that reading it adds no call to the record.
 */
public final class SyscallRecorder {

    /** The longest a trace may outlive a lab that died before it could stop it. */
    static final Duration TRACE_LIMIT = Duration.ofMinutes(30);

    private final Duration podTimeout;

    public SyscallRecorder(Duration podTimeout) {
        this.podTimeout = podTimeout;
    }

    /**
     * @throws HostLimitException when this host cannot trace, or the pod runs on another kernel
     * @throws RecordingFailedException when the pod does not start or an exercise command fails
     */
    public RecordedCalls record(LabEnvironment environment, Recording recording, Progress progress) {
        try (SyscallTrace trace = SyscallTrace.start(TRACE_LIMIT, progress)) {
            MainProcessStatus status;
            String pidNamespace;
            int runtimeDefaultAllowed;
            String container;
            try (Workspace workspace = environment.openWorkspace("record-" + recording.name())) {
                PodHandle pod = start(workspace, recording, progress);
                container = pod.mainContainer();
                status = workspace.mainProcessStatus(pod, container);
                pidNamespace = pidNamespace(recording, environment, status);
                requireFilter(recording, status);
                for (List<String> command : recording.exercise()) {
                    exercise(workspace, pod, recording, command, progress);
                }
                runtimeDefaultAllowed = workspace.runtimeSeccomp(pod, container).summary()
                        .map(SeccompProfileSummary::distinctAllowedCount)
                        .orElseThrow(() -> new LabEnvironmentException("The runtime handed runc no seccomp profile for " + recording.name()));
                progress.step("removing the pod, so that its shutdown is recorded too");
            }
            SortedMap<Integer, Long> byNumber = trace.stop(pidNamespace);
            if (byNumber.isEmpty()) {
                throw new HostLimitException("The trace saw no system call in " + pidNamespace + ", the PID namespace of " + recording.name()
                        + "'s container: the pod runs on another kernel than this machine's, where the lab cannot trace", null);
            }
            SortedMap<String, Long> calls = new TreeMap<>();
            SyscallNames.of(byNumber.keySet()).forEach((number, name) -> calls.put(name, byNumber.get(number)));
            String evidence = "bpftrace on tracepoint raw_syscalls:sys_enter, tasks with seccomp mode 2 in " + pidNamespace
                    + " (of container " + container + "'s main process: " + status.source() + "); "
                    + byNumber.values().stream().mapToLong(Long::longValue).sum() + " calls in all; names by libseccomp's scmp_sys_resolver";
            return new RecordedCalls(recording.name(), environment.name(), calls, runtimeDefaultAllowed, evidence);
        }
    }

    private PodHandle start(Workspace workspace, Recording recording, Progress progress) {
        progress.step("starting " + recording.workload() + " under the trace");
        try {
            return workspace.start(recording.workload(), podTimeout);
        } catch (HostLimitException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new RecordingFailedException(recording.name() + ": the pod did not start, so nothing was recorded and no profile "
                    + "written: " + firstLine(e.getMessage()), e);
        }
    }

    private static String pidNamespace(Recording recording, LabEnvironment environment, MainProcessStatus status) {
        return status.pidNamespace().orElseThrow(() -> new HostLimitException("The " + environment.name() + " environment gives the "
                + "lab no view of the node's processes, so it cannot tell " + recording.name() + "'s calls apart: record on cri, local "
                + "or kind, where the pods run on this machine's kernel", null));
    }

    private static void requireFilter(Recording recording, MainProcessStatus status) {
        SeccompMode mode = ProcStatus.seccompMode(status.text()).orElse(SeccompMode.DISABLED);
        if (mode != SeccompMode.FILTER) {
            throw new RecordingFailedException(recording.name() + ": its container runs with " + mode.describe() + ", and the trace "
                    + "counts only calls made under a filter; give it seccompProfile: {type: RuntimeDefault} in " + recording.source(), null);
        }
    }

    private static void exercise(Workspace workspace, PodHandle pod, Recording recording, List<String> command, Progress progress) {
        progress.step("exercising: " + String.join(" ", command));
        ExecResult result = workspace.exec(pod, pod.mainContainer(), command.toArray(String[]::new));
        if (!result.succeeded()) {
            throw new RecordingFailedException(recording.name() + ": the exercise command '" + String.join(" ", command) + "' failed "
                    + "while recording (exit " + result.exitCode() + (result.stderr().isBlank() ? "" : ": " + firstLine(result.stderr()))
                    + "), so no profile was written; fix the command or the workload in " + recording.source(), null);
        }
    }

    private static String firstLine(String text) {
        String stripped = text == null ? "" : text.strip();
        return stripped.contains("\n") ? stripped.substring(0, stripped.indexOf('\n')) : stripped;
    }
}
