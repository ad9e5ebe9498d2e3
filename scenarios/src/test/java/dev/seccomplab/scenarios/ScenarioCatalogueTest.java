package dev.seccomplab.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seccomplab.environments.image.WorkloadImage;
import io.fabric8.kubernetes.api.model.Container;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioCatalogueTest {

    @Test
    void holdsTheLessonsOfTheSeedArticleAndTheRules() {
        assertThat(ScenarioCatalogue.names()).containsExactly("no-seccomp", "runtime-default", "unconfined", "privileged",
                "seccomp-default", "container-overrides-pod", "shared-process-namespace", "profile-inspection");
    }

    @Test
    void everyManifestParsesAndRunsTheLocalImageWithoutPulling() {
        for (Scenario scenario : ScenarioCatalogue.all()) {
            Container container = scenario.deployment().getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(container.getImage()).as(scenario.name()).isEqualTo(WorkloadImage.REFERENCE);
            assertThat(container.getImagePullPolicy()).as(scenario.name()).isEqualTo("Never");
            assertThat(scenario.checks()).as(scenario.name()).isNotEmpty();
        }
    }

    @Test
    void onlySeccompDefaultNeedsTheKubeletSettingOn() {
        assertThat(ScenarioCatalogue.all().stream().filter(Scenario::nodeSeccompDefault).map(Scenario::name))
                .containsExactly("seccomp-default");
    }

    @Test
    void selectKeepsTheOrderGivenAndEmptyMeansAll() {
        assertThat(ScenarioCatalogue.select(List.of("unconfined", "no-seccomp")).stream().map(Scenario::name))
                .containsExactly("unconfined", "no-seccomp");
        assertThat(ScenarioCatalogue.select(List.of())).hasSize(ScenarioCatalogue.all().size());
    }

    @Test
    void anUnknownNameIsRefusedInOneLineListingTheKnownOnes() {
        assertThatThrownBy(() -> ScenarioCatalogue.named("runtime-defualt"))
                .isInstanceOf(UnknownScenarioException.class)
                .hasMessageStartingWith("unknown scenario 'runtime-defualt'; known scenarios: no-seccomp, runtime-default")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
