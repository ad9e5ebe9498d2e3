package dev.seccomplab.scenarios.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seccomplab.scenarios.Scenario;
import dev.seccomplab.scenarios.ScenarioFileException;
import dev.seccomplab.scenarios.checks.CommandOutcomeCheck;
import dev.seccomplab.scenarios.checks.MainProcessSeccompCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingsTest {

    @TempDir
    Path dir;

    @Test
    void theBuiltInRecordingIsReadFromItsFile() {
        Recording worker = Recordings.find("file-worker");
        assertThat(worker.source()).isEqualTo("recordings/file-worker.yaml");
        assertThat(worker.workload().podSpec().getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(worker.exercise()).contains(List.of("cat", "/tmp/beat"));
        assertThat(worker.proof()).extracting(check -> check.name() + ": " + check.expected())
                .containsExactly("mkdir /tmp/never: fails with EPERM (Operation not permitted)",
                        "keyctl show: killed by SIGSEGV (Segmentation fault, exit 139)");
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        assertThatThrownBy(() -> Recordings.find("file-wroker")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown recording 'file-wroker'; known recordings: file-worker, or the path of a recording's .yaml file");
    }

    @Test
    void aBrokenFileIsOneLineNamingFileLineAndField() throws Exception {
        Files.writeString(dir.resolve("pod.yaml"), Recordings.find("file-worker").manifestYaml());
        Path file = dir.resolve("mine.yaml");
        Files.writeString(file, """
                name: mine
                lesson: my job
                manifest: pod.yaml
                exercise:
                  - [cat, /tmp/beat]
                  - []
                proof:
                  - command: mkdir /x
                    outcome: EPERM
                """);
        assertThatThrownBy(() -> Recordings.find(file.toString())).isInstanceOf(ScenarioFileException.class)
                .hasMessage(file + ":6: exercise[1]: a command is a list of words, e.g. [sh, -c, \"echo hi > /tmp/a\"]");
        Files.writeString(file, Files.readString(file).replace("  - []\n", "").replace("outcome: EPERM", "admission: refused"));
        assertThatThrownBy(() -> Recordings.find(file.toString())).isInstanceOf(ScenarioFileException.class)
                .hasMessageStartingWith(file + ":").hasMessageContaining("proof");
    }

    @Test
    void aManifestIsARecordingWhoseCommandsAreSplitOnSpaces() throws Exception {
        Path manifest = dir.resolve("pod.yaml");
        Files.writeString(manifest, Recordings.find("file-worker").manifestYaml());
        Recording recording = Recordings.ofManifest(manifest, List.of("cat /tmp/beat"), List.of("mkdir /tmp/never"));
        assertThat(recording.name()).isEqualTo("file-worker");
        assertThat(recording.exercise()).containsExactly(List.of("cat", "/tmp/beat"));
        assertThat(recording.proof()).extracting(check -> check.name() + ": " + check.expected())
                .containsExactly("mkdir /tmp/never: fails with an errno");
        assertThatThrownBy(() -> Recordings.ofManifest(manifest, List.of(), List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--manifest needs at least one --exercise command");
        Files.writeString(manifest, Recordings.find("file-worker").manifestYaml().replace("type: RuntimeDefault", "type: Unconfined"));
        assertThatThrownBy(() -> Recordings.ofManifest(manifest, List.of("cat /tmp/beat"), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(manifest + ": " + Recording.RUNTIME_DEFAULT);
    }

    @Test
    void theProfileAllowsTheRecordedCallsSortedAndRefusesTheRestWithEperm() {
        Recording worker = Recordings.find("file-worker");
        TreeMap<String, Long> calls = new TreeMap<>(java.util.Map.of("write", 3L, "read", 30L, "rename", 2L));
        LeastPrivilegeProfile profile = new LeastPrivilegeProfile(worker, new RecordedCalls("file-worker", "cri", calls, 355, "seen"));
        String json = profile.json();
        assertThat(json).contains("\"defaultAction\" : \"SCMP_ACT_ERRNO\"", "\"defaultErrnoRet\" : 1", "SCMP_ARCH_X86_64",
                "\"action\" : \"SCMP_ACT_ALLOW\"", "lab record file-worker on cri").doesNotContain("30");
        assertThat(json.indexOf("\"read\"")).isLessThan(json.indexOf("\"rename\"")).isLessThan(json.indexOf("\"write\""));
        assertThat(profile.json()).isEqualTo(json);
        assertThat(profile.securityProfilesOperatorResource()).contains("kind: SeccompProfile", "name: file-worker", "- rename");
        assertThat(new RecordedCalls("file-worker", "cri", calls, 355, "seen").summary())
                .isEqualTo("file-worker calls 3 distinct system calls; RuntimeDefault allows 355");
    }

    @Test
    void theProofRunsTheSameWorkloadUnderItsOwnProfileWithTheExerciseAndTheProof() {
        Recording worker = Recordings.find("file-worker");
        Scenario proof = ProofScenario.of(worker, "profiles/file-worker.json", "{}");
        assertThat(proof.workload().podSpec().getSecurityContext().getSeccompProfile().getType()).isEqualTo("Localhost");
        assertThat(proof.workload().podSpec().getSecurityContext().getSeccompProfile().getLocalhostProfile())
                .isEqualTo("profiles/file-worker.json");
        assertThat(proof.manifestYaml()).contains("localhostProfile: \"profiles/file-worker.json\"");
        assertThat(proof.localhostProfiles()).containsOnlyKeys("profiles/file-worker.json");
        assertThat(proof.checks().get(0)).isInstanceOf(MainProcessSeccompCheck.class);
        assertThat(proof.checks()).filteredOn(CommandOutcomeCheck.class::isInstance).hasSize(worker.exercise().size() + 2);
        assertThat(worker.workload().podSpec().getSecurityContext().getSeccompProfile().getType())
                .as("the recording itself is left as it was").isEqualTo("RuntimeDefault");
    }

    @Test
    void aProfilePathOutsideTheKubeletsSeccompDirectoryIsRefused() {
        for (String path : List.of("/etc/x.json", "../x.json", "profiles/../../x.json", "profiles/x.txt", "")) {
            assertThatThrownBy(() -> ProofScenario.requireInsideSeccompDirectory(path)).as(path)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inside the kubelet's seccomp directory");
        }
        ProofScenario.requireInsideSeccompDirectory("profiles/file-worker.json");
    }
}
