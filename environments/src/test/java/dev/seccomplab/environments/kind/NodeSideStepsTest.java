package dev.seccomplab.environments.kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NodeSideStepsTest {

    @Test
    void versionsAreNamedAsKubernetesNamesThem() {
        assertThat(KindNodeImage.version("1.34.0").toString()).isEqualTo("1.34.0");
        assertThat(KindNodeImage.version("v1.34.0")).isEqualTo(KindNodeImage.version("1.34.0"));
        assertThat(KindNodeImage.reference(KindNodeImage.version("1.34.0"))).isEqualTo("kindest/node:v1.34.0");
        assertThatThrownBy(() -> KindNodeImage.version("1.99.0")).hasMessageStartingWith("unknown kind Kubernetes version '1.99.0'; known: ");
    }

    @Test
    void theDefaultIsTheNewestVersionKindcontainerLists() {
        var all = com.dajudge.kindcontainer.KindContainerVersion.values();
        assertThat(KindNodeImage.newestVersion()).isEqualTo(all[all.length - 1]);
    }
}
