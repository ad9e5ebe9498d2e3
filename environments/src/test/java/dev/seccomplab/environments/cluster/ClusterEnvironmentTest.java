package dev.seccomplab.environments.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seccomplab.environments.KubeletSettings;
import dev.seccomplab.environments.LabLabels;
import dev.seccomplab.environments.NodeSettingsReadOnlyException;
import dev.seccomplab.environments.NotApplicableException;
import dev.seccomplab.environments.PodHandle;
import dev.seccomplab.environments.Progress;
import dev.seccomplab.environments.Workspace;
import dev.seccomplab.environments.kubernetes.MockPodsAccess;
import dev.seccomplab.environments.kubernetes.TestManifests;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class ClusterEnvironmentTest {

    KubernetesMockServer server;
    KubernetesClient client;

    @BeforeEach
    void twoNodes() {
        for (String node : List.of("cp", "worker")) {
            client.nodes().resource(new NodeBuilder().withNewMetadata().withName(node).endMetadata().build()).create();
        }
    }

    @Test
    void readsEveryNodesValueAndNamesThem() {
        configz("cp", true);
        configz("worker", false);
        KubeletSettings settings = started(false).readKubeletSettings();
        assertThat(settings.seccompDefault()).isFalse();
        assertThat(settings.source()).isEqualTo("configz of node cp seccompDefault=true, node worker seccompDefault=false");
    }

    @Test
    void neverChangesANodeAndSaysWhichNodeHasWhichValue() {
        configz("cp", false);
        configz("worker", false);
        ClusterEnvironment cluster = started(false);
        assertThatThrownBy(() -> cluster.applyKubeletSettings(KubeletSettings.wanted(true), Progress.SILENT))
                .isInstanceOf(NodeSettingsReadOnlyException.class)
                .hasMessage("needs seccompDefault=true on every node, but node cp seccompDefault=false, "
                        + "node worker seccompDefault=false; the cluster environment never changes nodes");
    }

    @Test
    void aSettingTheNodesAlreadyHaveIsFineAndNothingIsWritten() throws Exception {
        configz("cp", true);
        configz("worker", true);
        ClusterEnvironment cluster = started(false);
        int before = server.getRequestCount();
        assertThatCode(() -> cluster.applyKubeletSettings(KubeletSettings.wanted(true), Progress.SILENT)).doesNotThrowAnyException();
        List<RecordedRequest> made = requestsSince(before);
        assertThat(made).extracting(RecordedRequest::getPath).as("it read every node's configz")
                .anyMatch(path -> path.contains("/nodes/cp/proxy/configz")).anyMatch(path -> path.contains("/nodes/worker/proxy/configz"));
        assertThat(made).extracting(RecordedRequest::getMethod).as("and wrote nothing").containsOnly("GET");
    }

    @Test
    void refusesPrivilegedPodsUnlessAllowedNamingTheFlag() {
        try (Workspace workspace = started(false).openWorkspace("privileged")) {
            assertThatThrownBy(() -> workspace.start(TestManifests.deployment("priv-seccomp", true), Duration.ofSeconds(1)))
                    .isInstanceOf(NotApplicableException.class)
                    .hasMessageContaining("--allow-privileged");
        }
    }

    @Test
    void withAllowPrivilegedAPrivilegedDeploymentIsApplied() throws Exception {
        try (Workspace workspace = started(true).openWorkspace("privileged")) {
            String namespace = client.namespaces().withLabel(LabLabels.WORKSPACE, "privileged").list().getItems().get(0)
                    .getMetadata().getName();
            MockPodsAccess.expectApply(server, namespace, "priv-seccomp");
            int before = server.getRequestCount();
            assertThatThrownBy(() -> workspace.start(TestManifests.deployment("priv-seccomp", true), Duration.ofMillis(500)))
                    .as("applied, and then no kubelet runs its pod here").hasMessageContaining("did not run within");
            assertThat(requestsSince(before)).anySatisfy(request -> assertThat(request.getMethod() + " " + request.getPath())
                    .startsWith("PATCH /apis/apps/v1/namespaces/" + namespace + "/deployments/priv-seccomp?fieldManager=seccomp-lab"));
        }
    }

    @Test
    void cannotReadRuntimeSpecsAndSaysWhatWouldWork() {
        ClusterEnvironment cluster = started(false);
        Workspace workspace = cluster.openWorkspace("profile");
        String namespace = client.namespaces().withLabel(LabLabels.WORKSPACE, "profile").list().getItems().get(0).getMetadata().getName();
        MockPodsAccess.running(client, namespace, "p");
        assertThatThrownBy(() -> workspace.runtimeSeccomp(new PodHandle("profile", "p", List.of("workload")), "workload"))
                .isInstanceOf(NotApplicableException.class)
                .hasMessageContaining("crictl inspect")
                .hasMessageContaining("--env cri or kind");
    }

    @Test
    void deletesNamespacesLeftByADeadLabProcessAndKeepsLiveOnes() throws Exception {
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        String deadOwner = LabLabels.thisOwner().replaceFirst("_\\d+$", "_" + dead.pid());
        labelledNamespace("seccomp-lab-old-abcde", deadOwner);
        labelledNamespace("seccomp-lab-live-abcde", LabLabels.thisOwner());

        started(false);
        assertThat(client.namespaces().withName("seccomp-lab-old-abcde").get()).isNull();
        assertThat(client.namespaces().withName("seccomp-lab-live-abcde").get()).isNotNull();
    }

    private ClusterEnvironment started(boolean allowPrivileged) {
        ClusterEnvironment cluster = new ClusterEnvironment(client, allowPrivileged);
        cluster.start(Progress.SILENT);
        return cluster;
    }

    private void configz(String node, boolean seccompDefault) {
        server.expect().get().withPath("/api/v1/nodes/" + node + "/proxy/configz")
                .andReturn(200, "{\"kubeletconfig\":{\"seccompDefault\":" + seccompDefault + "}}").always();
    }

    private void labelledNamespace(String name, String owner) {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name)
                .withLabels(Map.of(LabLabels.MANAGED, "true", LabLabels.OWNER, owner)).endMetadata().build()).create();
    }

    /** The requests the mock server received after the first {@code before}, in order; none is taken before this. */
    private List<RecordedRequest> requestsSince(int before) throws InterruptedException {
        List<RecordedRequest> all = new ArrayList<>();
        for (int i = 0, count = server.getRequestCount(); i < count; i++) {
            all.add(server.takeRequest(1, TimeUnit.SECONDS));
        }
        return all.subList(before, all.size());
    }
}
