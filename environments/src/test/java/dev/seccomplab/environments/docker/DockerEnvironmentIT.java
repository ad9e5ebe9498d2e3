package dev.seccomplab.environments.docker;

import dev.seccomplab.environments.engine.DockerEngine;
import dev.seccomplab.environments.engine.LabContainerReaper;
import dev.seccomplab.environments.engine.PrivilegedRuntime;
import dev.seccomplab.environments.engine.CapabilityBoundingSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import dev.seccomplab.environments.ExecResult;
import dev.seccomplab.environments.HostLimitException;
import dev.seccomplab.environments.KubeletSettings;
import dev.seccomplab.environments.LabLabels;
import dev.seccomplab.environments.MainProcessStatus;
import dev.seccomplab.environments.NotApplicableException;
import dev.seccomplab.environments.PodHandle;
import dev.seccomplab.environments.Progress;
import dev.seccomplab.environments.RuntimeSeccompSpec;
import dev.seccomplab.environments.Workload;
import dev.seccomplab.environments.Workspace;
import dev.seccomplab.environments.image.WorkloadImage;
import dev.seccomplab.environments.kubelet.LabKubelet;
import dev.seccomplab.environments.profile.SeccompProfileSummary;
import dev.seccomplab.environments.testing.RequiresDocker;
import dev.seccomplab.environments.testing.TestDeployments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(RequiresDocker.class)
class DockerEnvironmentIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    @TempDir
    static Path profiles;
    @TempDir
    static Path state;
    private static DockerEnvironment environment;

    @BeforeAll
    static void start() {
        environment = new DockerEnvironment(kubelet());
        environment.start(Progress.SILENT);
    }

    @AfterAll
    static void stop() {
        if (environment != null) {
            environment.close();
        }
    }

    @Test
    void runtimeDefaultIsEnforcedByTheKernelAndVisibleInTheOciSpec() {
        try (Workspace workspace = environment.openWorkspace("it-default")) {
            PodHandle pod = workspace.start(TestDeployments.withContainerSecurityContext("yes-seccomp",
                    "            seccompProfile:\n              type: RuntimeDefault"), TIMEOUT);

            ExecResult status = workspace.exec(pod, "workload", "grep", "Seccomp", "/proc/1/status");
            assertThat(status.stdout()).containsPattern("(?m)^Seccomp:\\s+2$");
            ExecResult keyctl = workspace.exec(pod, "workload", "keyctl", "show");
            assertThat(keyctl.exitCode()).isNotZero();
            assertThat(keyctl.stdout() + keyctl.stderr()).contains("Operation not permitted");

            RuntimeSeccompSpec spec = workspace.runtimeSeccomp(pod, "workload");
            SeccompProfileSummary summary = spec.summary().orElseThrow();
            assertThat(summary.defaultAction()).isEqualTo("SCMP_ACT_ERRNO");
            assertThat(summary.verdictFor("keyctl")).isEqualTo(SeccompProfileSummary.Verdict.NOT_ALLOWED);
            assertThat(summary.verdictFor("read")).isEqualTo(SeccompProfileSummary.Verdict.ALLOWED);
        }
    }

    @Test
    void unconfinedHasNoFilterAndNoSeccompSection() {
        try (Workspace workspace = environment.openWorkspace("it-unconfined")) {
            PodHandle pod = workspace.start(TestDeployments.withContainerSecurityContext("unconfined",
                    "            seccompProfile:\n              type: Unconfined"), TIMEOUT);

            assertThat(workspace.exec(pod, "workload", "grep", "Seccomp", "/proc/1/status").stdout())
                    .containsPattern("(?m)^Seccomp:\\s+0$");
            assertThat(workspace.exec(pod, "workload", "keyctl", "show").exitCode()).isZero();
            assertThat(workspace.runtimeSeccomp(pod, "workload").seccomp()).isEmpty();
        }
    }

    @Test
    void localhostProfileIsReadFromTheProfileDirectory() throws Exception {
        Files.writeString(profiles.resolve("deny-keyctl.json"), """
                {"defaultAction": "SCMP_ACT_ALLOW",
                 "syscalls": [{"names": ["keyctl"], "action": "SCMP_ACT_ERRNO"}]}
                """);
        try (Workspace workspace = environment.openWorkspace("it-localhost")) {
            PodHandle pod = workspace.start(TestDeployments.withContainerSecurityContext("localhost-profile",
                    "            seccompProfile:\n              type: Localhost\n              localhostProfile: deny-keyctl.json"), TIMEOUT);

            assertThat(workspace.exec(pod, "workload", "grep", "Seccomp", "/proc/1/status").stdout())
                    .containsPattern("(?m)^Seccomp:\\s+2$");
            SeccompProfileSummary summary = workspace.runtimeSeccomp(pod, "workload").summary().orElseThrow();
            assertThat(summary.defaultAction()).isEqualTo("SCMP_ACT_ALLOW");
            assertThat(summary.verdictFor("keyctl")).isEqualTo(SeccompProfileSummary.Verdict.NOT_ALLOWED);
        }
    }

    @Test
    void seccompDefaultGivesAPodWithoutProfileTheRuntimeDefault() {
        environment.applyKubeletSettings(KubeletSettings.wanted(true), Progress.SILENT);
        try (Workspace workspace = environment.openWorkspace("it-seccomp-default")) {
            PodHandle pod = workspace.start(TestDeployments.withContainerSecurityContext("no-seccomp", "            {}"), TIMEOUT);
            assertThat(workspace.exec(pod, "workload", "grep", "Seccomp", "/proc/1/status").stdout())
                    .containsPattern("(?m)^Seccomp:\\s+2$");
        } finally {
            environment.applyKubeletSettings(KubeletSettings.wanted(false), Progress.SILENT);
        }
    }

    @Test
    void aTraineesEditOfTheKubeletConfigurationIsWhatTheNextPodGets() throws Exception {
        Path config = state.resolve("kubelet/config.yaml");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nseccompDefault: true\n");
        try (Workspace workspace = environment.openWorkspace("it-edited")) {
            assertThat(environment.readKubeletSettings().seccompDefault()).isTrue();
            assertThat(environment.readKubeletSettings().source()).isEqualTo(config.toString());
            PodHandle pod = workspace.start(TestDeployments.withContainerSecurityContext("no-seccomp", "            {}"), TIMEOUT);
            assertThat(workspace.exec(pod, "workload", "grep", "Seccomp", "/proc/1/status").stdout())
                    .containsPattern("(?m)^Seccomp:\\s+2$");
        } finally {
            Files.delete(config);
        }
        assertThat(environment.readKubeletSettings().seccompDefault()).isFalse();
    }

    @Test
    void aPodThatSharesItsPidNamespaceIsNotApplicableHere() {
        try (Workspace workspace = environment.openWorkspace("it-shared")) {
            assertThatThrownBy(() -> workspace.start(TestDeployments.sharingProcessNamespace("shared-pid"), TIMEOUT))
                    .isInstanceOf(NotApplicableException.class)
                    .hasMessageContaining("cannot share one PID namespace");
        }
    }

    @Test
    void theMainProcessIsReadOnTheEnginesHost() {
        try (Workspace workspace = environment.openWorkspace("it-main")) {
            PodHandle pod = workspace.start(TestDeployments.withContainerSecurityContext("yes-seccomp",
                    "            seccompProfile:\n              type: RuntimeDefault"), TIMEOUT);
            MainProcessStatus status = workspace.mainProcessStatus(pod, "workload");
            assertThat(status.text()).containsPattern("(?m)^Seccomp:\\s+2$").containsPattern("(?m)^Name:\\s+sh$");
            assertThat(status.source()).contains("docker inspect .State.Pid");
        }
    }

    /** Docker's own rule decides: the lab sends --privileged and the kubelet's choice, and observes. */
    @Test
    void privilegedRunsWithoutSeccompOrIsReportedAsAHostLimit() {
        var missing = CapabilityBoundingSet.ofThisProcess().map(CapabilityBoundingSet::missing).orElseThrow();
        Workload privileged = TestDeployments.withContainerSecurityContext("priv-seccomp",
                "            privileged: true\n            seccompProfile:\n              type: RuntimeDefault");
        try (Workspace workspace = environment.openWorkspace("it-privileged")) {
            // Where the bounding set is incomplete, scripts/ensure-host.sh registers runc-bounded; without it, a host limit.
            if (missing.isEmpty() || PrivilegedRuntime.isRegistered(DockerEngine.connect())) {
                PodHandle pod = workspace.start(privileged, TIMEOUT);
                assertThat(workspace.exec(pod, "workload", "grep", "Seccomp", "/proc/1/status").stdout())
                        .containsPattern("(?m)^Seccomp:\\s+0$");
            } else {
                assertThatThrownBy(() -> workspace.start(privileged, TIMEOUT))
                        .isInstanceOf(HostLimitException.class)
                        .hasMessageContaining("host limit")
                        .hasMessageContaining(missing.get(0))
                        .hasMessageContaining("unable to apply caps");
            }
        }
        assertThat(new LabContainerReaper(DockerEngine.connect()).labContainers())
                .noneMatch(c -> "it-privileged".equals(c.getLabels().get(LabLabels.WORKSPACE)));
    }

    @Test
    void leftoversOfADeadLabProcessAreReapedAtTheNextStart() throws Exception {
        DockerClient docker = DockerEngine.connect();
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        String deadOwner = LabLabels.thisOwner().replaceFirst("_\\d+$", "_" + dead.pid());
        String id = docker.createContainerCmd(WorkloadImage.REFERENCE)
                .withName("seccomp-lab-leftover-" + dead.pid())
                .withLabels(Map.of(LabLabels.MANAGED, "true", LabLabels.OWNER, deadOwner))
                .exec().getId();

        try (DockerEnvironment next = new DockerEnvironment(kubelet())) {
            next.start(Progress.SILENT);
            assertThat(new LabContainerReaper(docker).labContainers()).noneMatch(c -> c.getId().equals(id));
        }
    }

    private static LabKubelet kubelet() {
        return new LabKubelet(state.resolve("kubelet/config.yaml"), profiles, false);
    }

    @Test
    void closingTheEnvironmentLeavesNoContainerOfThisProcess() {
        try (DockerEnvironment own = new DockerEnvironment(kubelet())) {
            own.start(Progress.SILENT);
            Workspace workspace = own.openWorkspace("it-close");
            workspace.start(TestDeployments.withContainerSecurityContext("left-open", "            {}"), TIMEOUT);
        }
        assertThat(new LabContainerReaper(DockerEngine.connect()).labContainers())
                .noneMatch(c -> "it-close".equals(c.getLabels().get(LabLabels.WORKSPACE)));
    }
}
