package dev.seccomplab.environments.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The lab's side of kubeadm: the template it fills and the kubelet flags it reads back. */
class KubeadmPhasesTest {

    @Test
    void theTemplateIsFilledAndANameWithoutAValueIsAnError() {
        assertThat(KubeadmPhases.render("bindPort: ${apiServerPort}\nname: ${nodeName}\n", Map.of("apiServerPort", "16443", "nodeName", "lab-node")))
                .isEqualTo("bindPort: 16443\nname: lab-node\n");
        assertThatThrownBy(() -> KubeadmPhases.render("root: ${root}", Map.of()))
                .hasMessageContaining("names ${root}, which has no value");
    }

    @Test
    void theKubeletGetsTheFlagsKubeadmWroteForIt() {
        assertThat(KubeadmPhases.kubeletFlags("KUBELET_KUBEADM_ARGS=\"--hostname-override=lab-node --node-ip=10.217.0.1\"\n"))
                .containsExactly("--hostname-override=lab-node", "--node-ip=10.217.0.1");
        assertThatThrownBy(() -> KubeadmPhases.kubeletFlags("OTHER=1")).hasMessageContaining("has no KUBELET_KUBEADM_ARGS");
    }
}
