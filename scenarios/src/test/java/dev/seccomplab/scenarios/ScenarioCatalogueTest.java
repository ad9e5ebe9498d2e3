package dev.seccomplab.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seccomplab.environments.PodSecurityLevel;
import dev.seccomplab.environments.Workload;
import dev.seccomplab.environments.image.WorkloadImage;
import io.fabric8.kubernetes.api.model.Container;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioCatalogueTest {

    private final ScenarioCatalogue builtIn = ScenarioCatalogue.builtIn();

    @Test
    void holdsTheLessonsOfTheSeedArticleAndTheRules() {
        assertThat(builtIn.names()).containsExactly("no-seccomp", "runtime-default", "unconfined", "privileged",
                "seccomp-default", "container-overrides-pod", "shared-process-namespace", "profile-inspection",
                "localhost-deny-keyctl", "localhost-kill-uname",
                "baseline-refuses-privileged", "baseline-refuses-unconfined", "baseline-admits-runtime-default");
    }

    @Test
    void onlyTheAdmissionLessonsEnforceAPodSecurityStandard() {
        assertThat(builtIn.all().stream().filter(s -> s.podSecurity().isPresent()).map(Scenario::name))
                .containsExactly("baseline-refuses-privileged", "baseline-refuses-unconfined", "baseline-admits-runtime-default");
        assertThat(builtIn.all().stream().flatMap(s -> s.podSecurity().stream())).containsOnly(PodSecurityLevel.BASELINE);
    }

    @Test
    void everyManifestRunsTheLocalImageWithoutPulling() {
        for (Scenario scenario : builtIn.all()) {
            Workload workload = scenario.workload();
            Container container = workload.podSpec().getContainers().get(0);
            assertThat(container.getImage()).as(scenario.name()).isEqualTo(WorkloadImage.REFERENCE);
            assertThat(container.getImagePullPolicy()).as(scenario.name()).isEqualTo("Never");
            assertThat(scenario.checks()).as(scenario.name()).isNotEmpty();
            assertThat(scenario.source()).as(scenario.name()).startsWith("catalogue/");
        }
    }

    @Test
    void onlySeccompDefaultNeedsTheKubeletSettingOn() {
        assertThat(builtIn.all().stream().filter(Scenario::nodeSeccompDefault).map(Scenario::name))
                .containsExactly("seccomp-default");
    }

    @Test
    void localhostScenariosShipTheirProfiles() {
        assertThat(builtIn.named("localhost-kill-uname").localhostProfiles()).containsOnlyKeys("kill-uname.json")
                .hasValueSatisfying(new org.assertj.core.api.Condition<>(json -> json.contains("SCMP_ACT_KILL_PROCESS"), "kills"));
    }

    @Test
    void selectKeepsTheOrderGivenAndEmptyMeansAll() {
        assertThat(builtIn.select(List.of("unconfined", "no-seccomp")).stream().map(Scenario::name))
                .containsExactly("unconfined", "no-seccomp");
        assertThat(builtIn.select(List.of())).hasSize(builtIn.all().size());
    }

    @Test
    void anUnknownNameIsRefusedInOneLineListingTheKnownOnes() {
        assertThatThrownBy(() -> builtIn.named("runtime-defualt"))
                .isInstanceOf(UnknownScenarioException.class)
                .hasMessageStartingWith("unknown scenario 'runtime-defualt'; known scenarios: no-seccomp, runtime-default")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aDirectoryOfFilesIsReadInNameOrderAndNamesMayNotRepeat(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("b.yaml"), ScenarioFileTest.minimal("second"));
        Files.writeString(dir.resolve("a.yaml"), ScenarioFileTest.minimal("first"));
        assertThat(ScenarioCatalogue.fromFiles(List.of(dir)).names()).containsExactly("first", "second");

        Files.writeString(dir.resolve("c.yaml"), ScenarioFileTest.minimal("first"));
        assertThatThrownBy(() -> ScenarioCatalogue.fromFiles(List.of(dir)))
                .hasMessageContaining("c.yaml: name: 'first' is already the name of the scenario in " + dir.resolve("a.yaml"));
        assertThatThrownBy(() -> builtIn.with(ScenarioCatalogue.fromFiles(List.of(dir.resolve("a.yaml")))).with(
                ScenarioCatalogue.fromFiles(List.of(dir.resolve("a.yaml"))))).isInstanceOf(ScenarioFileException.class);
    }
}
