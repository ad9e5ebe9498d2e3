package dev.seccomplab.environments.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.LabLabels;
import dev.seccomplab.environments.MainProcessStatus;
import dev.seccomplab.environments.PodHandle;
import dev.seccomplab.environments.RuntimeSeccompSpec;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The Kubernetes API side of a workspace, against fabric8's mock server (CRUD plus expectations). */
@EnableKubernetesMockClient(crud = true)
class KubernetesWorkspaceTest {

    KubernetesMockServer server;
    KubernetesClient client;

    @Test
    void opensALabelledNamespaceAndDeletesItOnClose() {
        KubernetesWorkspace workspace = KubernetesWorkspace.open(client, "runtime-default", noSpecs(), PrivilegedGuard.allowAll());
        Namespace namespace = client.namespaces().withName(workspace.namespace()).get();
        assertThat(namespace.getMetadata().getName()).startsWith("seccomp-lab-runtime-default-").hasSizeLessThanOrEqualTo(63);
        assertThat(namespace.getMetadata().getLabels())
                .containsEntry(LabLabels.MANAGED, "true")
                .containsEntry(LabLabels.OWNER, LabLabels.thisOwner())
                .containsEntry(LabLabels.WORKSPACE, "runtime-default");

        workspace.close();
        assertThat(client.namespaces().withName(workspace.namespace()).get()).isNull();
    }

    @Test
    void appliesWithServerSideApplyAsTheLabsFieldManager() throws Exception {
        KubernetesWorkspace workspace = KubernetesWorkspace.open(client, "apply", noSpecs(), PrivilegedGuard.allowAll());
        MockPods.expectApply(server, workspace.namespace(), "yes-seccomp");

        workspace.apply(TestManifests.deployment("yes-seccomp", false));

        RecordedRequest request = server.getLastRequest();
        assertThat(request.getMethod()).isEqualTo("PATCH");
        assertThat(request.getPath()).isEqualTo("/apis/apps/v1/namespaces/" + workspace.namespace()
                + "/deployments/yes-seccomp?fieldManager=seccomp-lab&force=true");
        assertThat(request.getHeader("Content-Type")).startsWith("application/apply-patch+yaml");
        var body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(request.getBody().readUtf8());
        assertThat(body.path("metadata").path("namespace").asText()).isEqualTo(workspace.namespace());
        assertThat(body.path("spec").path("template").path("spec").path("containers").get(0).path("imagePullPolicy").asText())
                .isEqualTo("Never");
    }

    @Test
    void waitsUntilThePodOfTheDeploymentRuns() {
        KubernetesWorkspace workspace = workspaceExpectingApply("wait", "yes-seccomp");
        Thread kubelet = new Thread(() -> {
            sleep(700);
            MockPods.running(client, workspace.namespace(), "yes-seccomp-7d9f-abcde", Map.of("app", "yes-seccomp"));
        });
        kubelet.start();

        PodHandle pod = workspace.start(TestManifests.deployment("yes-seccomp", false), Duration.ofSeconds(10));
        assertThat(pod.name()).isEqualTo("yes-seccomp-7d9f-abcde");
        assertThat(pod.containers()).containsExactly(MockPods.CONTAINER);
    }

    @Test
    void aPodThatCannotStartFailsAtOnceWithTheReasonAndWhereToLook() {
        KubernetesWorkspace workspace = workspaceExpectingApply("stuck", "yes-seccomp");
        MockPods.waiting(client, workspace.namespace(), "yes-seccomp-1", Map.of("app", "yes-seccomp"), "ErrImageNeverPull");

        long start = System.nanoTime();
        assertThatThrownBy(() -> workspace.start(TestManifests.deployment("yes-seccomp", false), Duration.ofSeconds(30)))
                .isInstanceOf(LabEnvironmentException.class)
                .hasMessageContaining("ErrImageNeverPull")
                .hasMessageContaining("kubectl -n " + workspace.namespace() + " describe pod yes-seccomp-1");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aPodThatNeverRunsTimesOutNamingNamespaceAndState() {
        KubernetesWorkspace workspace = workspaceExpectingApply("timeout", "yes-seccomp");
        MockPods.waiting(client, workspace.namespace(), "yes-seccomp-2", Map.of("app", "yes-seccomp"), "ContainerCreating");

        assertThatThrownBy(() -> workspace.start(TestManifests.deployment("yes-seccomp", false), Duration.ofSeconds(1)))
                .isInstanceOf(LabEnvironmentException.class)
                .hasMessageContaining("did not run within 1 s")
                .hasMessageContaining("yes-seccomp-2 is Pending, workload waiting: ContainerCreating")
                .hasMessageContaining("kubectl -n " + workspace.namespace() + " get pods,events");
    }

    @Test
    void aDeploymentThatMakesNoPodSaysSo() {
        KubernetesWorkspace workspace = workspaceExpectingApply("no-pod", "yes-seccomp");
        assertThatThrownBy(() -> workspace.start(TestManifests.deployment("yes-seccomp", false), Duration.ofMillis(600)))
                .hasMessageContaining("no pod was created");
    }

    @Test
    void readsTheRuntimeSpecOfTheContainerOnItsNode() {
        AtomicReference<String> asked = new AtomicReference<>();
        KubernetesWorkspace workspace = KubernetesWorkspace.open(client, "spec", new NodeInspector() {
            @Override
            public RuntimeSeccompSpec runtimeSeccomp(String node, String id) {
                asked.set(node + "/" + id);
                return new RuntimeSeccompSpec("test", Optional.empty());
            }

            @Override
            public MainProcessStatus mainProcessStatus(String node, String id) {
                throw new AssertionError("not read in this test");
            }
        }, PrivilegedGuard.allowAll());
        MockPods.running(client, workspace.namespace(), "p", Map.of());

        workspace.runtimeSeccomp(new PodHandle("spec", "p", java.util.List.of(MockPods.CONTAINER)), MockPods.CONTAINER);
        assertThat(asked.get()).isEqualTo("kind/0123456789abcdef");
    }

    @Test
    void thePrivilegedGuardRefusesBeforeAnythingIsSentAndNamesTheFlag() {
        KubernetesWorkspace workspace = KubernetesWorkspace.open(client, "guard", noSpecs(),
                new PrivilegedGuard(false, "--allow-privileged"));
        int requestsBefore = server.getRequestCount();

        assertThatThrownBy(() -> workspace.apply(TestManifests.deployment("priv-seccomp", true)))
                .isInstanceOf(dev.seccomplab.environments.NotApplicableException.class)
                .hasMessageContaining("priv-seccomp")
                .hasMessageContaining("--allow-privileged");
        assertThat(server.getRequestCount()).isEqualTo(requestsBefore);
    }

    @Test
    void theGuardLetsUnprivilegedAndAllowedPrivilegedWorkloadsThrough() throws Exception {
        KubernetesWorkspace allowed = KubernetesWorkspace.open(client, "allowed", noSpecs(), new PrivilegedGuard(true, "--allow-privileged"));
        MockPods.expectApply(server, allowed.namespace(), "priv-seccomp");
        allowed.apply(TestManifests.deployment("priv-seccomp", true));

        KubernetesWorkspace guarded = KubernetesWorkspace.open(client, "guarded", noSpecs(), new PrivilegedGuard(false, "--allow-privileged"));
        MockPods.expectApply(server, guarded.namespace(), "yes-seccomp");
        guarded.apply(TestManifests.deployment("yes-seccomp", false));
        assertThat(server.getLastRequest().getMethod()).isEqualTo("PATCH");
    }

    private KubernetesWorkspace workspaceExpectingApply(String name, String deployment) {
        KubernetesWorkspace workspace = KubernetesWorkspace.open(client, name, noSpecs(), PrivilegedGuard.allowAll());
        MockPods.expectApply(server, workspace.namespace(), deployment);
        return workspace;
    }

    private static NodeInspector noSpecs() {
        return NodeInspector.none("test");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
