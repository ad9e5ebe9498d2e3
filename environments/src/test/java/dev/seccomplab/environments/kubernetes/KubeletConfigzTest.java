package dev.seccomplab.environments.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.Test;

/** configz through the API server's node proxy, as the seed article reads it with kubectl proxy and curl. */
@EnableKubernetesMockClient
class KubeletConfigzTest {

    KubernetesMockServer server;
    KubernetesClient client;

    @Test
    void readsSeccompDefaultThroughTheNodeProxy() {
        server.expect().get().withPath("/api/v1/nodes/kind/proxy/configz")
                .andReturn(200, "{\"kubeletconfig\":{\"enableServer\":true,\"seccompDefault\":true,\"staticPodPath\":\"/etc/kubernetes/manifests\"}}")
                .once();
        assertThat(KubeletConfigz.readSeccompDefault(client, "kind")).isTrue();
    }

    @Test
    void aKubeletThatDoesNotPrintItUsesFalse() {
        server.expect().get().withPath("/api/v1/nodes/kind/proxy/configz")
                .andReturn(200, "{\"kubeletconfig\":{\"enableServer\":true}}").once();
        assertThat(KubeletConfigz.readSeccompDefault(client, "kind")).isFalse();
    }

    @Test
    void anUnknownNodeIsAnErrorNamingItAndThePermission() {
        assertThatThrownBy(() -> KubeletConfigz.readSeccompDefault(client, "worker-9"))
                .hasMessageContaining("/api/v1/nodes/worker-9/proxy/configz")
                .hasMessageContaining("nodes/proxy");
    }

    @Test
    void somethingElseThanConfigzIsRefused() {
        assertThatThrownBy(() -> KubeletConfigz.seccompDefault("{\"kind\":\"Status\"}")).hasMessageContaining("no kubeletconfig section");
        assertThatThrownBy(() -> KubeletConfigz.seccompDefault("<html>")).hasMessageContaining("not JSON");
    }
}
