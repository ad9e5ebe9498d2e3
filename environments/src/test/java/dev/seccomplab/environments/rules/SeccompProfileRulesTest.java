package dev.seccomplab.environments.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seccomplab.environments.rules.ChosenProfile.Type;
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
        ChosenProfile profile = SeccompProfileRules.kubeletChoice(pod(podType, container), container, seccompDefault);
        assertThat(profile.type()).isEqualTo(expected);
    }

    @Test
    void reasonNamesTheRuleThatDecided() {
        Container container = container(null, false);
        assertThat(SeccompProfileRules.kubeletChoice(pod(null, container), container, false).reason())
                .contains("seccompDefault is false");
        assertThat(SeccompProfileRules.kubeletChoice(pod("RuntimeDefault", container), container, false).reason())
                .contains("pod's seccompProfile");
    }

    @ParameterizedTest(name = "privileged with container={0} pod={1} seccompDefault={2} -> kubelet still asks {3}")
    @CsvSource(nullValues = "-", value = {
            "RuntimeDefault, -,              false, RUNTIME_DEFAULT",
            "-,              RuntimeDefault, false, RUNTIME_DEFAULT",
            "-,              -,              true,  RUNTIME_DEFAULT",
            "-,              -,              false, UNCONFINED",
    })
    void privilegedDoesNotChangeWhatTheKubeletAsksFor(String containerType, String podType, boolean seccompDefault, Type expected) {
        Container container = container(containerType, true);
        ChosenProfile profile = SeccompProfileRules.kubeletChoice(pod(podType, container), container, seccompDefault);
        assertThat(profile.type()).isEqualTo(expected);
        assertThat(SeccompProfileRules.runtimePrediction(profile, true))
                .startsWith("no profile: containerd and Docker attach none to a privileged container")
                .endsWith(profile.describe() + " was asked for");
    }

    @Test
    void theRuntimePredictionForAnUnprivilegedContainerFollowsTheChoice() {
        assertThat(SeccompProfileRules.runtimePrediction(new ChosenProfile(Type.RUNTIME_DEFAULT, null, "r"), false))
                .isEqualTo("the runtime's own default profile");
        assertThat(SeccompProfileRules.runtimePrediction(new ChosenProfile(Type.UNCONFINED, null, "r"), false))
                .isEqualTo("no profile");
        assertThat(SeccompProfileRules.runtimePrediction(new ChosenProfile(Type.LOCALHOST, "x.json", "r"), false))
                .isEqualTo("the profile in the file x.json");
    }

    @Test
    void theSandboxIsAlwaysAskedForRuntimeDefaultAndIsPrivilegedWhenAContainerIs() {
        assertThat(SeccompProfileRules.sandboxChoice().type()).isEqualTo(Type.RUNTIME_DEFAULT);
        Container privileged = container(null, true);
        Container plain = container("Unconfined", false);
        assertThat(SeccompProfileRules.hasPrivilegedContainer(new PodSpecBuilder().withContainers(plain, privileged).build())).isTrue();
        assertThat(SeccompProfileRules.hasPrivilegedContainer(new PodSpecBuilder().withContainers(plain).build())).isFalse();
    }

    @Test
    void localhostCarriesItsRelativePath() {
        Container container = new ContainerBuilder().withName("c")
                .withSecurityContext(new SecurityContextBuilder()
                        .withSeccompProfile(new SeccompProfile("profiles/deny-keyctl.json", "Localhost")).build())
                .build();
        ChosenProfile profile = SeccompProfileRules.kubeletChoice(pod("RuntimeDefault", container), container, false);
        assertThat(profile.type()).isEqualTo(Type.LOCALHOST);
        assertThat(profile.localhostProfile()).isEqualTo("profiles/deny-keyctl.json");
    }

    @Test
    void localhostWithoutPathIsRejected() {
        Container container = container("Localhost", false);
        assertThatThrownBy(() -> SeccompProfileRules.kubeletChoice(pod(null, container), container, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no localhostProfile");
    }

    @Test
    void unknownTypeIsRejectedByName() {
        Container container = container("Strict", false);
        assertThatThrownBy(() -> SeccompProfileRules.kubeletChoice(pod(null, container), container, false))
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
