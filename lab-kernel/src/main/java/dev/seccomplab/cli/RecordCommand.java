package dev.seccomplab.cli;

import dev.seccomplab.environments.HostLimitException;
import dev.seccomplab.environments.trace.SyscallTrace;
import dev.seccomplab.report.ConsoleReport;
import dev.seccomplab.report.ElapsedProgress;
import dev.seccomplab.scenarios.record.ProofScenario;
import dev.seccomplab.scenarios.record.RecordResult;
import dev.seccomplab.scenarios.record.RecordRun;
import dev.seccomplab.scenarios.record.Recording;
import dev.seccomplab.scenarios.record.Recordings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "record",
        description = {"Records the system calls a workload makes while it does its job, writes the least-privilege Localhost "
                + "profile that allows only those, and proves it: the workload runs again under the profile, does the same job, "
                + "and a call outside the record is refused.",
            "The kernel sees the calls (bpftrace on raw_syscalls:sys_enter); on cri, local and kind, as root."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the profile was written and the proof passed",
            "1:the profile was written, but the proof failed",
            "2:bad usage (an unknown recording, a broken file, a profile path outside the kubelet's seccomp directory)",
            "3:this host cannot record (no root, no bpftrace, no BTF, or the pods run on another kernel)",
            "4:the environment could not start, the pod did not start, or an exercise command failed: no profile written"})
final class RecordCommand implements Callable<Integer> {

    static final int HOST_LIMIT = 3;

    @Spec
    CommandSpec spec;

    @Mixin
    SessionFlags sessionFlags;

    @Parameters(paramLabel = "RECORDING", arity = "0..1",
            description = "A built-in recording by name, or a recording's .yaml file (docs/recording.md); default: file-worker.")
    String recordingName;

    @Option(names = "--manifest", paramLabel = "FILE",
            description = "Record this manifest's Pod or Deployment instead of a recording (it must run under RuntimeDefault).")
    Path manifest;

    @Option(names = "--exercise", paramLabel = "CMD",
            description = "With --manifest: a command that makes the workload do its job, words split on spaces. Repeatable.")
    List<String> exercise = new ArrayList<>();

    @Option(names = "--refused", paramLabel = "CMD",
            description = "With --manifest: a command that must fail with an errno under the recorded profile. Repeatable.")
    List<String> refused = new ArrayList<>();

    @Option(names = "--out", defaultValue = "recorded-profiles", paramLabel = "DIR",
            description = "Where the profile is written, as NAME.json (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--profile-path", paramLabel = "PATH",
            description = "The profile's path under the kubelet's seccomp directory for the proof run, as a Pod spec's "
                    + "localhostProfile names it (default: profiles/NAME.json).")
    String profilePath;

    @Option(names = "--spo", description = "Also write NAME.seccompprofile.yaml, the Security Profiles Operator's SeccompProfile resource.")
    boolean securityProfilesOperator;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Recording recording = recording();
        String path = profilePath == null ? ProofScenario.defaultProfilePath(recording) : profilePath;
        ProofScenario.requireInsideSeccompDirectory(path);
        ElapsedProgress progress = new ElapsedProgress(out);
        RecordResult result;
        try {
            SyscallTrace.requireHost();
            result = sessionFlags.run(progress, session -> new RecordRun(sessionFlags.podTimeout).run(session.environment(), recording,
                    path, progress));
        } catch (HostLimitException e) {
            spec.commandLine().getErr().println("lab: cannot record here (host limit): " + e.getMessage());
            return HOST_LIMIT;
        }
        List<Path> written = result.write(this.out, securityProfilesOperator);
        out.println();
        out.println(result.calls().summary() + ".");
        out.println("Seen: " + result.calls().evidence() + ".");
        out.println("Calls, with how often each was made:");
        out.println(callList(result));
        out.println("Profile: " + String.join(", ", written.stream().map(Path::toString).toList()));
        out.println();
        out.println("Proof: " + recording.name() + " " + result.proof().title());
        out.print(ConsoleReport.table(result.proof().checks()));
        out.println(result.proved() ? "The profile holds: the job still runs, and calls outside the record are refused."
                : "The profile does not hold: see the failed rows above.");
        out.flush();
        return result.proved() ? 0 : RunCommand.FAILED;
    }

    private Recording recording() {
        if (manifest == null) {
            if (!exercise.isEmpty() || !refused.isEmpty()) {
                throw new IllegalArgumentException("--exercise and --refused go with --manifest; a recording file lists its own");
            }
            return Recordings.find(recordingName == null ? "file-worker" : recordingName);
        }
        if (recordingName != null) {
            throw new IllegalArgumentException("name a recording or give --manifest, not both");
        }
        return Recordings.ofManifest(manifest, exercise, refused);
    }

    /** {@code name ×count} pairs, wrapped to the table's width. */
    private static String callList(RecordResult result) {
        StringBuilder text = new StringBuilder();
        StringBuilder line = new StringBuilder(" ");
        result.calls().calls().forEach((name, count) -> {
            String item = " " + name + " \u00d7" + count;
            if (line.length() + item.length() > 110) {
                text.append(line).append('\n');
                line.setLength(1);
            }
            line.append(item);
        });
        return text.append(line).toString();
    }
}
