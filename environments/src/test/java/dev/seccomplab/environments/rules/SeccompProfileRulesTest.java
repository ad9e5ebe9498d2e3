package dev.seccomplab.environments.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seccomplab.environments.rules.EffectiveSeccomp.Type;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SeccompProfileRulesTest {

    /** The whole precedence table: container ?? pod ?? (seccompDefault ? RuntimeDefault : Unconfined). */
    @ParameterizedTest(name = "container={0} pod={1} seccompDefault={2} -> {3}")
    @CsvSource(nullValues = "-", value = {
            "-,              -,              false, UNCONFINED",
            "-,              -,              true,  RUNTIME_DEFAULT",
            "-,              RuntimeDefault, false, RUNTIME_DEFAULT",
            "-,              Unconfined,     true,  UNCONFINED",
            "-,              RuntimeDefault, true,  RUNTIME_DEFAULT",
            "RuntimeDefault, -,              false, RUNTIME_DEFAULT",
            "Unconfined,     -,              true,  UNCONFINED",
            "Unconfined,     RuntimeDefault, false, UNCONFINED",
            "Unconfined,     RuntimeDefault, true,  UNCONFINED",
            "RuntimeDefault, Unconfined,     false, RUNTIME_DEFAULT",
            "RuntimeDefault, Unconfined,     true,  RUNTIME_DEFAULT",
    })
    void containerThenPodThenKubeletDefault(String containerType, String podType, boolean seccompDefault, Type expected) {
        Container container = container(containerType, false);
        EffectiveSeccomp profile = SeccompProfileRules.effectiveProfile(pod(podType, container), container, seccompDefault);
        assertThat(profile.type()).isEqualTo(expected);
    }

    @Test
    void reasonNamesTheRuleThatDecided() {
        Container container = container(null, false);
        assertThat(SeccompProfileRules.effectiveProfile(pod(null, container), container, false).reason())
                .contains("seccompDefault is false");
        assertThat(SeccompProfileRules.effectiveProfile(pod("RuntimeDefault", container), container, false).reason())
                .contains("pod's seccompProfile");
    }

    @ParameterizedTest(name = "privileged with container={0} pod={1} seccompDefault={2} -> Unconfined")
    @CsvSource(nullValues = "-", value = {
            "RuntimeDefault, -,              false",
            "-,              RuntimeDefault, false",
            "-,              -,              true",
            "-,              -,              false",
    })
    void privilegedGetsNoSeccompWhateverWasAsked(String containerType, String podType, boolean seccompDefault) {
        Container container = container(containerType, true);
        EffectiveSeccomp profile = SeccompProfileRules.effectiveProfile(pod(podType, container), container, seccompDefault);
        assertThat(profile.type()).isEqualTo(Type.UNCONFINED);
        assertThat(profile.reason()).startsWith("privileged");
    }

    @Test
    void localhostCarriesItsRelativePath() {
        Container container = new ContainerBuilder().withName("c")
                .withSecurityContext(new SecurityContextBuilder()
                        .withSeccompProfile(new SeccompProfile("profiles/deny-keyctl.json", "Localhost")).build())
                .build();
        EffectiveSeccomp profile = SeccompProfileRules.effectiveProfile(pod("RuntimeDefault", container), container, false);
        assertThat(profile.type()).isEqualTo(Type.LOCALHOST);
        assertThat(profile.localhostProfile()).isEqualTo("profiles/deny-keyctl.json");
    }

    @Test
    void localhostWithoutPathIsRejected() {
        Container container = container("Localhost", false);
        assertThatThrownBy(() -> SeccompProfileRules.effectiveProfile(pod(null, container), container, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no localhostProfile");
    }

    @Test
    void unknownTypeIsRejectedByName() {
        Container container = container("Strict", false);
        assertThatThrownBy(() -> SeccompProfileRules.effectiveProfile(pod(null, container), container, false))
                .hasMessageContaining("'Strict'");
    }

    private static Container container(String seccompType, boolean privileged) {
        SecurityContextBuilder context = new SecurityContextBuilder();
        if (seccompType != null) {
            context.withSeccompProfile(new SeccompProfile(null, seccompType));
        }
        if (privileged) {
            context.withPrivileged(true);
        }
        return new ContainerBuilder().withName("c").withSecurityContext(context.build()).build();
    }

    private static PodSpec pod(String seccompType, Container container) {
        PodSpecBuilder pod = new PodSpecBuilder().withContainers(container);
        if (seccompType != null) {
            pod.withSecurityContext(new PodSecurityContextBuilder()
                    .withSeccompProfile(new SeccompProfile(null, seccompType)).build());
        }
        return pod.build();
    }
}
