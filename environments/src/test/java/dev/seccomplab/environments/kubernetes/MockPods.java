package dev.seccomplab.environments.kubernetes;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.Map;

/**
 * What a real cluster's controllers and kubelet would do, done by hand on the mock server: the
 * mock has no ReplicaSet controller and does no server-side apply in CRUD mode.
 */
final class MockPods {

    static final String CONTAINER = "workload";

    private MockPods() {
    }

    /** Server-side apply as the API server answers it: 200 with the object. */
    static void expectApply(KubernetesMockServer server, String namespace, String deployment) {
        server.expect().patch()
                .withPath("/apis/apps/v1/namespaces/" + namespace + "/deployments/" + deployment
                        + "?fieldManager=" + KubernetesWorkspace.FIELD_MANAGER + "&force=true")
                .andReturn(200, TestManifests.deployment(deployment, false))
                .always();
    }

    static Pod running(KubernetesClient client, String namespace, String name, Map<String, String> labels) {
        return client.pods().inNamespace(namespace).resource(runningPod(namespace, name, labels)).create();
    }

    static Pod runningPod(String namespace, String name, Map<String, String> labels) {
        return new PodBuilder()
                .withNewMetadata().withNamespace(namespace).withName(name).withLabels(labels).endMetadata()
                .withNewSpec().withNodeName("kind").addNewContainer().withName(CONTAINER).withImage("seccomp-lab/workload:latest").endContainer().endSpec()
                .withNewStatus().withPhase("Running")
                .addNewCondition().withType("Ready").withStatus("True").endCondition()
                .addNewContainerStatus().withName(CONTAINER).withReady(true).withContainerID("containerd://0123456789abcdef")
                .withNewState().withNewRunning().endRunning().endState().endContainerStatus()
                .endStatus().build();
    }

    static Pod waiting(KubernetesClient client, String namespace, String name, Map<String, String> labels, String reason) {
        return client.pods().inNamespace(namespace).resource(new PodBuilder()
                .withNewMetadata().withName(name).withLabels(labels).endMetadata()
                .withNewSpec().addNewContainer().withName(CONTAINER).withImage("seccomp-lab/workload:latest").endContainer().endSpec()
                .withNewStatus().withPhase("Pending")
                .addNewContainerStatus().withName(CONTAINER).withReady(false)
                .withNewState().withNewWaiting().withReason(reason).withMessage("image seccomp-lab/workload:latest is not present")
                .endWaiting().endState().endContainerStatus()
                .endStatus().build()).create();
    }
}
