package dev.seccomplab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seccomplab.environments.HostLimitException;
import dev.seccomplab.environments.testing.Requirement;
import dev.seccomplab.environments.testing.RequiresCri;
import dev.seccomplab.environments.trace.SyscallTrace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code lab record} on containerd's CRI, with the kernel's trace: the profile, its proof, its stability, and bad input. */
@ExtendWith(RequiresCri.class)
class RecordCommandIT {

    @TempDir
    Path dir;

    /** The tests that record need what 'lab record' needs of the host; CI (SECCOMP_LAB_REQUIRE_CRI=1) must have it. */
    private static void requireTracing() {
        try {
            SyscallTrace.requireHost();
        } catch (HostLimitException e) {
            Requirement.skip("SECCOMP_LAB_REQUIRE_CRI", "lab record cannot trace on this host: " + e.getMessage());
        }
    }

    @Test
    void theSampleWorkloadIsRecordedProvedAndRecordedAgainToTheSameProfile() throws Exception {
        requireTracing();
        LabCli first = LabCli.run("record", "file-worker", "--env", "cri", "--out", dir.resolve("first").toString(), "--spo");
        assertThat(first.exit()).as(first.text()).isZero();
        assertThat(first.text()).containsPattern("file-worker calls \\d+ distinct system calls; RuntimeDefault allows \\d{3}")
                .containsPattern("cat /tmp/beat\\s+succeeds\\s+succeeds\\s+PASS")
                .containsPattern("mkdir /tmp/never\\s+fails with EPERM \\(Operation not\\s+fails with EPERM \\(Operation not permitted\\)\\s+PASS")
                .contains("The profile holds");
        String profile = Files.readString(dir.resolve("first/file-worker.json"));
        assertThat(profile).contains("\"rename\"", "\"openat\"", "\"execve\"").doesNotContain("\"mkdir\"", "\"keyctl\"", "\"mmap\"");
        assertThat(dir.resolve("first/file-worker.seccompprofile.yaml")).content().contains("kind: SeccompProfile");

        LabCli second = LabCli.run("record", "file-worker", "--env", "cri", "--out", dir.resolve("second").toString());
        assertThat(second.exit()).as(second.text()).isZero();
        assertThat(dir.resolve("second/file-worker.json")).content().isEqualTo(profile);
    }

    /** A manifest of one's own (a practice task's pod, say), with its commands on the command line. */
    @Test
    void aManifestIsRecordedWithTheCommandsGivenOnTheCommandLine() throws Exception {
        requireTracing();
        ownRecording("", "");
        LabCli run = LabCli.run("record", "--manifest", dir.resolve("pod.yaml").toString(), "--exercise", "cat /tmp/beat",
                "--refused", "mkdir /tmp/never", "--env", "cri", "--out", dir.resolve("out").toString());
        assertThat(run.exit()).as(run.text()).isZero();
        assertThat(run.text()).contains("mine calls ").containsPattern("mkdir /tmp/never\\s+fails with an errno\\s+fails with EPERM");
        assertThat(dir.resolve("out/mine.json")).content().contains("\"rename\"");

        LabCli mixed = LabCli.run("record", "file-worker", "--exercise", "cat /tmp/beat");
        assertThat(mixed.exit()).isEqualTo(2);
        assertThat(mixed.text()).isEqualTo("lab: --exercise and --refused go with --manifest; a recording file lists its own\n");
    }

    /** A job that needs a call its exercise never made: the proof fails, and says which row. */
    @Test
    void aCallTheExerciseNeverMadeFailsTheProof() throws Exception {
        requireTracing();
        Path recording = ownRecording("exercise:\n  - [cat, /tmp/beat]\n", "proof:\n  - command: mkdir /tmp/made-later\n    outcome: success\n");
        LabCli run = LabCli.run("record", recording.toString(), "--env", "cri", "--out", dir.resolve("out").toString());
        assertThat(run.exit()).as(run.text()).isEqualTo(1);
        assertThat(run.text()).containsPattern("mkdir /tmp/made-later\\s+succeeds\\s+fails with EPERM \\(Operation not permitted\\)\\s+FAIL")
                .contains("The profile does not hold");
        assertThat(dir.resolve("out/mine.json")).as("the profile is written, to be looked at").exists();
    }

    @Test
    void anExerciseCommandThatFailsWritesNoProfile() throws Exception {
        requireTracing();
        Path recording = ownRecording("exercise:\n  - [cat, /tmp/no-such-file]\n", "proof:\n  - command: mkdir /tmp/never\n    outcome: EPERM\n");
        LabCli run = LabCli.run("record", recording.toString(), "--env", "cri", "--out", dir.resolve("out").toString());
        assertThat(run.exit()).as(run.text()).isEqualTo(4);
        assertThat(run.text()).contains("lab: mine: the exercise command 'cat /tmp/no-such-file' failed while recording (exit 1: "
                + "cat: can't open '/tmp/no-such-file': No such file or directory), so no profile was written");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aWorkloadThatNeverStartsIsOneLineAndWritesNoProfile() throws Exception {
        requireTracing();
        Path recording = ownRecording("exercise:\n  - [cat, /tmp/beat]\n", "proof:\n  - command: mkdir /tmp/never\n    outcome: EPERM\n");
        Files.writeString(dir.resolve("pod.yaml"), Files.readString(dir.resolve("pod.yaml")).replace("seccomp-lab/workload:latest",
                "seccomp-lab/no-such-image:latest"));
        LabCli run = LabCli.run("record", recording.toString(), "--env", "cri", "--pod-timeout", "PT20S", "--out",
                dir.resolve("out").toString());
        assertThat(run.exit()).as(run.text()).isEqualTo(4);
        assertThat(run.text()).containsPattern("lab: mine: the pod did not start, so nothing was recorded and no profile written: .*\\S");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aProfilePathOutsideTheSeccompDirectoryIsRefusedBeforeAnythingStarts() {
        LabCli run = LabCli.run("record", "file-worker", "--env", "cri", "--profile-path", "../../etc/x.json");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.text()).isEqualTo("lab: the profile path '../../etc/x.json' must be a .json file inside the kubelet's seccomp "
                + "directory: relative, without '..', e.g. profiles/file-worker.json\n");
    }

    /** Without bpftrace (here: a PATH that leads to none), the lab says so as a host limit before anything starts. */
    @Test
    void aHostThatCannotTraceIsAHostLimitInOneLine() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                LabCommand.class.getName(), "record", "--env", "cri")).redirectErrorStream(true);
        builder.environment().put("PATH", dir.resolve("no-programs").toString());
        Process lab = builder.start();
        lab.getOutputStream().close();
        String output = new String(lab.getInputStream().readAllBytes());
        assertThat(lab.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(lab.exitValue()).as(output).isEqualTo(3);
        assertThat(output).isEqualTo("lab: cannot record here (host limit): recording system calls needs bpftrace, and this host has "
                + "none: apt-get install bpftrace\n");
    }

    private Path ownRecording(String exercise, String proof) throws Exception {
        Files.writeString(dir.resolve("pod.yaml"), dev.seccomplab.scenarios.record.Recordings.find("file-worker").manifestYaml()
                .replace("name: file-worker", "name: mine"));
        Path file = dir.resolve("mine.yaml");
        Files.writeString(file, "name: mine\nlesson: my own job\nmanifest: pod.yaml\n" + exercise + proof);
        return file;
    }
}
