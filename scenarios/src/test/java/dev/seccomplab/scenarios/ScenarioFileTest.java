package dev.seccomplab.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seccomplab.scenarios.checks.CommandOutcome;
import dev.seccomplab.scenarios.checks.CommandOutcomeCheck;
import dev.seccomplab.scenarios.checks.MainProcessSeccompCheck;
import dev.seccomplab.scenarios.checks.NodeSeccompDefaultCheck;
import dev.seccomplab.scenarios.checks.RuntimeProfileCheck;
import dev.seccomplab.scenarios.checks.SeccompMode;
import dev.seccomplab.scenarios.checks.SeccompModeCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import dev.seccomplab.environments.PodSecurityLevel;
import dev.seccomplab.scenarios.checks.AdmissionCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scenario file format: what it turns into, and how each mistake is reported. */
class ScenarioFileTest {

    @TempDir
    Path dir;

    static String minimal(String name) {
        return """
                name: %s
                lesson: A pod with RuntimeDefault gets a filter.
                manifest: |
                  apiVersion: v1
                  kind: Pod
                  metadata: {name: p}
                  spec:
                    containers: [{name: workload, image: seccomp-lab/workload:latest, imagePullPolicy: Never}]
                expect:
                  - seccomp: filter
                """.formatted(name);
    }

    @Test
    void everyKindOfExpectationTurnsIntoItsCheck() throws Exception {
        Files.writeString(dir.resolve("pod.yaml"), "apiVersion: v1\nkind: Pod\nmetadata: {name: mine}\n"
                + "spec: {containers: [{name: workload, image: seccomp-lab/workload:latest}]}\n");
        Files.writeString(dir.resolve("deny.json"), "{\"defaultAction\": \"SCMP_ACT_ALLOW\"}");
        Path file = dir.resolve("mine.yaml");
        Files.writeString(file, """
                name: mine
                lesson: Everything a scenario file can say.
                kubelet:
                  seccompDefault: true
                manifest: pod.yaml
                profiles:
                  team/deny.json: deny.json
                  inline.json: '{"defaultAction": "SCMP_ACT_LOG"}'
                expect:
                  - kubeletSeccompDefault: true
                  - seccomp: filter
                  - ownProcessSeccomp: 0
                  - command: keyctl show
                    outcome: EPERM
                  - command: uname -a
                    outcome: SIGSYS
                  - runtimeProfile:
                      defaultAction: SCMP_ACT_ERRNO
                      notAllowed: [keyctl]
                      allowed: [read]
                      distinctAllowed: {atLeast: 200}
                """);
        Scenario scenario = ScenarioFile.read(Files.readString(file), new ScenarioSource.OnDisk(file));

        assertThat(scenario.name()).isEqualTo("mine");
        assertThat(scenario.nodeSeccompDefault()).isTrue();
        assertThat(scenario.workload().name()).isEqualTo("mine");
        assertThat(scenario.localhostProfiles()).containsOnlyKeys("team/deny.json", "inline.json");
        assertThat(scenario.checks()).containsExactly(
                new NodeSeccompDefaultCheck(true),
                new SeccompModeCheck(SeccompMode.FILTER),
                new MainProcessSeccompCheck(SeccompMode.DISABLED),
                new CommandOutcomeCheck(List.of("keyctl", "show"), CommandOutcome.parse("EPERM")),
                new CommandOutcomeCheck(List.of("uname", "-a"), CommandOutcome.parse("SIGSYS")),
                new RuntimeProfileCheck("SCMP_ACT_ERRNO", List.of("keyctl"), List.of("read"),
                        new RuntimeProfileCheck.CountRange(200, Integer.MAX_VALUE)));
    }

    @Test
    void anUnknownFieldIsNamedWithItsLineAndTheFieldsAllowed() {
        assertRefused(minimal("x").replace("lesson:", "lessen:"), ":2: unknown field 'lessen'; allowed here: expect, "
                + "kubelet, lesson, manifest, name, podSecurity, profiles");
    }

    @Test
    void aWrongOutcomeIsNamedWithItsLineAndWhatIsAllowed() {
        String yaml = minimal("x") + "  - command: keyctl show\n    outcome: EPRM\n";
        assertRefused(yaml, ":12: expect[1].outcome: 'EPRM' is not an outcome the lab knows; use success, errno (any), an errno (EPERM,");
    }

    @Test
    void aWrongSeccompModeSaysWhichAreAllowed() {
        assertRefused(minimal("x").replace("seccomp: filter", "seccomp: filtered"),
                ":10: expect[0].seccomp: 'filtered' is not a seccomp mode; use disabled (0), strict (1) or filter (2)");
    }

    @Test
    void anExpectationWithTwoKindsOrNoneIsRefused() {
        assertRefused(minimal("x").replace("  - seccomp: filter", "  - seccomp: filter\n    ownProcessSeccomp: filter"),
                ":10: expect[0]: each expected outcome has exactly one of");
        assertRefused(minimal("x").replace("  - seccomp: filter", "  - command: uname"),
                ":10: expect[0]: 'outcome' goes with 'command'");
    }

    @Test
    void anImpossibleCountRangeIsRefused() {
        assertRefused(minimal("x").replace("  - seccomp: filter",
                        "  - runtimeProfile:\n      defaultAction: SCMP_ACT_ERRNO\n      distinctAllowed: {atLeast: 300, atMost: 10}"),
                ":12: expect[0].runtimeProfile.distinctAllowed: a count range needs 0 <= atLeast <= atMost; got 300..10");
    }

    @Test
    void aMissingManifestFileIsNamedWithWhereItWasLookedFor() {
        assertRefused(minimal("x").replaceFirst("manifest: \\|(?s).*expect:", "manifest: absent.yaml\nexpect:"),
                ":3: manifest: no file absent.yaml beside " + dir.resolve("x.yaml"));
    }

    @Test
    void aManifestThatIsNotAPodOrDeploymentIsRefusedThroughTheScenario() {
        assertRefused(minimal("x").replace("kind: Pod", "kind: Service"), ":3: manifest: the inline manifest is a Service");
    }

    @Test
    void aBadNameAndAProfileThatClimbsOutAreRefused() {
        assertRefused(minimal("My Scenario"), ":1: name: a scenario needs a name of lower-case letters");
        assertRefused(minimal("x") + "profiles:\n  ../etc/p.json: '{}'\n", ":12: profiles.../etc/p.json: a Localhost profile's path");
    }

    @Test
    void anAdmissionLessonNamesTheStandardItsNamespaceEnforcesAndTheRefusalItExpects() {
        String yaml = minimal("psa").replace("expect:\n  - seccomp: filter\n",
                "podSecurity:\n  enforce: baseline\nexpect:\n  - admission: refused\n    reason: privileged\n");
        Scenario scenario = ScenarioFile.read(yaml, new ScenarioSource.OnDisk(dir.resolve("psa.yaml")));
        assertThat(scenario.podSecurity()).contains(PodSecurityLevel.BASELINE);
        assertThat(scenario.checks()).containsExactly(new AdmissionCheck(false, Optional.of("privileged")));
        assertThat(minimalScenario().podSecurity()).isEmpty();
    }

    @Test
    void aWrongAdmissionLessonIsRefusedWithItsLine() {
        assertRefused(minimal("x").replace("expect:", "podSecurity:\n  enforce: strict\nexpect:"),
                ":10: podSecurity.enforce: 'strict' is not a Pod Security Standard; the levels are privileged, baseline and restricted");
        assertRefused(minimal("x").replace("- seccomp: filter", "- admission: maybe"),
                ":10: expect[0].admission: is 'maybe'; the API server either admitted or refused the pods");
        assertRefused(minimal("x").replace("- seccomp: filter", "- admission: admitted\n    reason: privileged"),
                ":11: expect[0].reason: 'reason' goes with 'admission: refused'");
        assertRefused(minimal("x").replace("- seccomp: filter", "- admission: refused\n  - seccomp: filter"),
                ":10: expect: 'admission: refused' is the only outcome a scenario can expect");
    }

    private Scenario minimalScenario() {
        return ScenarioFile.read(minimal("plain"), new ScenarioSource.OnDisk(dir.resolve("plain.yaml")));
    }

    @Test
    void brokenYamlIsNotValidYamlWithItsLine() {
        assertRefused("name: x\nexpect: [\n", ":3: not valid YAML");
    }

    /** @param messageStart what follows the file's name in the message */
    private void assertRefused(String yaml, String messageStart) {
        Path file = dir.resolve("x.yaml");
        assertThatThrownBy(() -> {
            Files.writeString(file, yaml);
            ScenarioFile.read(yaml, new ScenarioSource.OnDisk(file));
        }).isInstanceOf(ScenarioFileException.class)
                .satisfies(e -> assertThat(e.getMessage()).startsWith(file + messageStart).doesNotContain("\n"));
    }
}
