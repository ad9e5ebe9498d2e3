package dev.seccomplab.environments.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seccomplab.environments.ExecResult;
import dev.seccomplab.environments.KubeletSettings;
import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.LabLabels;
import dev.seccomplab.environments.Manifests;
import dev.seccomplab.environments.PodHandle;
import dev.seccomplab.environments.PodSecurityLevel;
import dev.seccomplab.environments.PodsRefusedException;
import dev.seccomplab.environments.Progress;
import dev.seccomplab.environments.Workload;
import dev.seccomplab.environments.Workspace;
import dev.seccomplab.environments.binaries.KubernetesBinaries;
import dev.seccomplab.environments.kubernetes.KubeletHost;
import dev.seccomplab.environments.kubernetes.KubeletReconfiguration;
import dev.seccomplab.environments.kubernetes.LabNamespaces;
import dev.seccomplab.environments.testing.RequiresLocal;
import dev.seccomplab.environments.testing.TestDeployments;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared Kubernetes workspace that kind and cluster use, and the kubelet's reconfiguration, on
 * a real API server and kubelet: what fabric8's mock server cannot show.
 */
@ExtendWith(RequiresLocal.class)
class LocalKubernetesIT {

    static final Duration POD_TIMEOUT = Duration.ofMinutes(1);
    @TempDir
    static Path dir;
    static LocalLayout layout;
    static LocalEnvironment local;
    static KubernetesClient client;

    @BeforeAll
    static void startTheCluster() {
        layout = new LocalLayout(dir.resolve("cluster"));
        local = new LocalEnvironment(KubernetesBinaries.inStateDirectory(), layout, dir.resolve("profiles"), true);
        local.start(Progress.SILENT);
        client = LocalCluster.client(layout.adminKubeconfig());
    }

    @AfterAll
    static void stopTheCluster() throws Exception {
        if (client != null) {
            client.close();
        }
        if (local != null) {
            local.close();
            LocalClusterLifecycleIT.assertNothingLeft(layout);
        }
    }

    @Test
    void theApiServerSaysTheVersionTheBinariesWereBuiltFor() {
        assertThat(client.getKubernetesVersion().getGitVersion()).isEqualTo(KubernetesBinaries.inStateDirectory().version());
        assertThat(client.nodes().withName(LocalNode.NAME).get().getStatus().getNodeInfo().getKubeletVersion())
                .isEqualTo(KubernetesBinaries.inStateDirectory().version());
    }

    @Test
    void aWorkspaceIsALabelledNamespaceWhosePodsExecAndReportTheirExitCodes() {
        try (Workspace workspace = local.openWorkspace("it-exec")) {
            PodHandle pod = workspace.start(TestDeployments.withContainerSecurityContext("filtered",
                    "            seccompProfile:\n              type: RuntimeDefault"), POD_TIMEOUT);
            var namespace = client.namespaces().list().getItems().stream()
                    .filter(ns -> "it-exec".equals(ns.getMetadata().getLabels().get(LabLabels.WORKSPACE))).findFirst().orElseThrow();
            assertThat(namespace.getMetadata().getLabels()).containsEntry(LabLabels.OWNER, LabLabels.thisOwner());

            ExecResult keyctl = workspace.exec(pod, "workload", "keyctl", "show");
            assertThat(keyctl.exitCode()).isEqualTo(1);
            assertThat(keyctl.stderr() + keyctl.stdout()).contains("Operation not permitted");
            assertThat(workspace.exec(pod, "workload", "grep", "Seccomp:", "/proc/1/status").stdout()).containsPattern("Seccomp:\\s+2");
            assertThat(workspace.runtimeSeccomp(pod, "workload").seccomp()).isPresent();
            assertThat(workspace.mainProcessStatus(pod, "workload").source()).contains(".info.pid", "on node " + LocalNode.NAME);
        }
        assertThat(client.namespaces().list().getItems()).noneMatch(ns -> "it-exec".equals(ns.getMetadata().getLabels().get(LabLabels.WORKSPACE))
                && ns.getStatus() != null && "Active".equals(ns.getStatus().getPhase()));
    }

    @Test
    void aSpecTheApiServerRefusesIsRefusedWithItsMessage() {
        try (Workspace workspace = local.openWorkspace("it-invalid")) {
            Workload contradicting = TestDeployments.withContainerSecurityContext("contradicting",
                    "            privileged: true\n            allowPrivilegeEscalation: false");
            assertThatThrownBy(() -> workspace.start(contradicting, POD_TIMEOUT))
                    .isInstanceOf(LabEnvironmentException.class)
                    .hasMessageContaining("The API server refused Deployment contradicting")
                    .hasMessageContaining("cannot set `allowPrivilegeEscalation` to false and `privileged` to true");
        }
    }

    @Test
    void podSecurityAdmissionRefusesAPrivilegedDeploymentsPodsAndAPrivilegedPod() {
        try (Workspace workspace = local.openWorkspace("it-psa", PodSecurityLevel.BASELINE)) {
            assertThatThrownBy(() -> workspace.start(TestDeployments.withContainerSecurityContext("privileged", "            privileged: true"), POD_TIMEOUT))
                    .isInstanceOf(PodsRefusedException.class)
                    .satisfies(e -> assertThat(((PodsRefusedException) e).reason())
                            .contains("violates PodSecurity \"baseline:latest\": privileged"));
            Workload pod = Manifests.parseWorkload("""
                    apiVersion: v1
                    kind: Pod
                    metadata: {name: bare}
                    spec:
                      containers:
                        - {name: workload, image: seccomp-lab/workload:latest, imagePullPolicy: Never, securityContext: {privileged: true}}
                    """, "a privileged Pod");
            assertThatThrownBy(() -> workspace.start(pod, POD_TIMEOUT)).isInstanceOf(PodsRefusedException.class)
                    .hasMessageContaining("violates PodSecurity");
        }
    }

    @Test
    void namespacesOfAKilledLabRunAreReapedAndOthersAreLeftAlone() {
        String dead = LabLabels.thisOwner().replaceFirst("_\\d+$", "_999999999");
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("seccomp-lab-left-behind")
                .withLabels(Map.of(LabLabels.MANAGED, "true", LabLabels.OWNER, dead)).endMetadata().build()).create();
        try (Workspace mine = local.openWorkspace("it-mine")) {
            assertThat(LabNamespaces.reapLeftovers(client)).containsExactly("seccomp-lab-left-behind");
            assertThat(client.namespaces().withName(((dev.seccomplab.environments.kubernetes.KubernetesWorkspace) mine).namespace())
                    .get().getStatus().getPhase()).isEqualTo("Active");
        }
    }

    /** Lesson 05 on a real kubelet: the default applies when a container starts, and a running one keeps what it got. */
    @Test
    void aPodStartedBeforeSeccompDefaultKeepsNoFilterWhileANewOneGetsRuntimeDefault() {
        try (Workspace before = local.openWorkspace("it-before"); Workspace after = local.openWorkspace("it-after")) {
            PodHandle old = before.start(TestDeployments.withContainerSecurityContext("silent", "            {}"), POD_TIMEOUT);
            local.applyKubeletSettings(KubeletSettings.wanted(true), Progress.SILENT);
            try {
                assertThat(local.readKubeletSettings().seccompDefault()).isTrue();
                assertThat(before.exec(old, "workload", "grep", "Seccomp:", "/proc/1/status").stdout()).containsPattern("Seccomp:\\s+0");
                PodHandle fresh = after.start(TestDeployments.withContainerSecurityContext("silent", "            {}"), POD_TIMEOUT);
                assertThat(after.exec(fresh, "workload", "grep", "Seccomp:", "/proc/1/status").stdout()).containsPattern("Seccomp:\\s+2");
            } finally {
                local.applyKubeletSettings(KubeletSettings.wanted(false), Progress.SILENT);
            }
        }
    }

    @Test
    void aKubeletThatDoesNotComeBackAfterTheEditGetsItsFileBackAndComesBack() throws Exception {
        String original = Files.readString(layout.kubeletConfig());
        KubeletHost breaking = new BreakingFirstWrite(new LocalNode(layout));

        assertThatThrownBy(() -> KubeletReconfiguration.setSeccompDefault(client, breaking, true, Duration.ofSeconds(20), Progress.SILENT))
                .isInstanceOf(LabEnvironmentException.class)
                .hasMessageContaining("did not come back")
                .hasMessageContaining("The lab put the file back as it was")
                .hasMessageContaining("failSwapOn");

        assertThat(Files.readString(layout.kubeletConfig())).isEqualTo(original);
        assertThat(local.readKubeletSettings().seccompDefault()).isFalse();
    }

    @Test
    void aRestartAfterATraineesEditServesWhatTheFileSays() throws Exception {
        String original = Files.readString(layout.kubeletConfig());
        try {
            Files.writeString(layout.kubeletConfig(), original + "seccompDefault: true\n");
            assertThat(local.restartKubelet(Progress.SILENT).seccompDefault()).isTrue();
        } finally {
            Files.writeString(layout.kubeletConfig(), original);
            assertThat(local.restartKubelet(Progress.SILENT).seccompDefault()).isFalse();
        }
    }

    /** A node whose first edit also breaks the kubelet's file, as a typo of an administrator's would. */
    private record BreakingFirstWrite(LocalNode node, boolean[] written) implements KubeletHost {

        BreakingFirstWrite(LocalNode node) {
            this(node, new boolean[1]);
        }

        @Override
        public String nodeName() {
            return node.nodeName();
        }

        @Override
        public String configFile() {
            return node.configFile();
        }

        @Override
        public String readConfig() {
            return node.readConfig();
        }

        @Override
        public void writeConfig(String yaml) {
            node.writeConfig(written[0] ? yaml : yaml.replace("failSwapOn: false", "failSwapOn: sometimes"));
            written[0] = true;
        }

        @Override
        public String restartCommand() {
            return node.restartCommand();
        }

        @Override
        public void restartKubelet() {
            node.restartKubelet();
        }

        @Override
        public String recentLog() {
            return node.recentLog();
        }
    }
}
