package dev.seccomplab.environments.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seccomplab.environments.ExecResult;
import dev.seccomplab.environments.MainProcessStatus;
import dev.seccomplab.environments.PodHandle;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodListBuilder;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.ErrorStreamMessage;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.server.mock.OutputStreamMessage;
import io.fabric8.kubernetes.client.server.mock.StatusMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * exec in a pod over the API server's websocket: stdout, stderr and the exit code all arrive.
 * Expectation mode: the mock's CRUD mode does not upgrade to websockets.
 */
@EnableKubernetesMockClient
class KubernetesExecTest {

    private static final String NAMESPACE = "seccomp-lab-exec-abcde";
    private static final String POD = "yes-seccomp-abcde";

    KubernetesMockServer server;
    KubernetesClient client;
    private KubernetesWorkspace workspace;
    private PodHandle pod;

    @BeforeEach
    void runningPod() {
        server.expect().post().withPath("/api/v1/namespaces").andReturn(201, new NamespaceBuilder()
                .withNewMetadata().withName(NAMESPACE).endMetadata().build()).once();
        workspace = KubernetesWorkspace.open(client, "exec", NodeInspector.none("cluster"), PrivilegedGuard.allowAll());
        Pod running = MockPods.runningPod(NAMESPACE, POD, Map.of("app", "yes-seccomp"));
        server.expect().get().withPath("/api/v1/namespaces/" + NAMESPACE + "/pods/" + POD).andReturn(200, running).always();
        server.expect().get().withPath("/api/v1/namespaces/" + NAMESPACE + "/pods?fieldSelector=metadata.name%3D" + POD)
                .andReturn(200, new PodListBuilder().withNewMetadata().withResourceVersion("1").endMetadata().withItems(running).build()).always();
        pod = new PodHandle("exec", POD, List.of(MockPods.CONTAINER));
    }

    @Test
    void stdoutAndExitCodeZero() {
        expectExec("command=grep&command=Seccomp&command=%2Fproc%2F1%2Fstatus",
                new OutputStreamMessage("Seccomp:\t2\nSeccomp_filters:\t1\n"), new StatusMessage(0));

        ExecResult result = workspace.exec(pod, MockPods.CONTAINER, "grep", "Seccomp", "/proc/1/status");
        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo("Seccomp:\t2\nSeccomp_filters:\t1\n");
        assertThat(result.stderr()).isEmpty();
    }

    @Test
    void stderrAndANonZeroExitCode() {
        expectExec("command=keyctl&command=show",
                new OutputStreamMessage("Session Keyring\n"),
                new ErrorStreamMessage("Unable to dump key: Operation not permitted\n"),
                new StatusMessage(nonZeroExit(1, "keyctl show")));

        ExecResult result = workspace.exec(pod, MockPods.CONTAINER, "keyctl", "show");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).isEqualTo("Session Keyring\n");
        assertThat(result.stderr()).isEqualTo("Unable to dump key: Operation not permitted\n");
    }

    @Test
    void withoutANodeShellTheMainProcessOfAnUnsharedPodIsItsPid1() {
        expectExec("command=cat&command=%2Fproc%2F1%2Fstatus", new OutputStreamMessage("Name:\tsh\nSeccomp:\t2\n"), new StatusMessage(0));

        MainProcessStatus status = workspace.mainProcessStatus(pod, MockPods.CONTAINER);
        assertThat(status.text()).contains("Seccomp:\t2");
        assertThat(status.source()).startsWith("kubectl exec " + POD + " -- cat /proc/1/status")
                .contains("does not share its PID namespace");
    }

    /** The Status a real API server sends on the exec error channel when the command exits non-zero. */
    private static Status nonZeroExit(int exitCode, String command) {
        return new StatusBuilder().withStatus("Failure").withReason("NonZeroExitCode")
                .withMessage("command terminated with non-zero exit code: error executing command [" + command + "], exit code " + exitCode)
                .withNewDetails().addNewCause().withReason("ExitCode").withMessage(String.valueOf(exitCode)).endCause().endDetails()
                .build();
    }

    private void expectExec(String commandQuery, Object... messages) {
        server.expect()
                .withPath("/api/v1/namespaces/" + NAMESPACE + "/pods/" + POD + "/exec?" + commandQuery
                        + "&container=" + MockPods.CONTAINER + "&stdout=true&stderr=true")
                .andUpgradeToWebSocket()
                .open(messages)
                .done()
                .always();
    }
}
