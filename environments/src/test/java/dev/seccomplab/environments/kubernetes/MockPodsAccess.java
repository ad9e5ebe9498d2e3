package dev.seccomplab.environments.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.Map;

/** Lets tests of other packages put a running pod on the mock server. */
public final class MockPodsAccess {

    private MockPodsAccess() {
    }

    public static void running(KubernetesClient client, String namespace, String name) {
        MockPods.running(client, namespace, name, Map.of());
    }

    public static void expectApply(KubernetesMockServer server, String namespace, String deployment) {
        MockPods.expectApply(server, namespace, deployment);
    }
}
