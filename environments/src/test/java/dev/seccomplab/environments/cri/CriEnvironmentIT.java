package dev.seccomplab.environments.cri;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seccomplab.environments.EnvironmentOptions;
import dev.seccomplab.environments.ExecResult;
import dev.seccomplab.environments.Finding;
import dev.seccomplab.environments.KubeletSettings;
import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.LabLabels;
import dev.seccomplab.environments.NodeSettingsReadOnlyException;
import dev.seccomplab.environments.PodHandle;
import dev.seccomplab.environments.Progress;
import dev.seccomplab.environments.Workspace;
import dev.seccomplab.environments.containerd.ContainerdConfig;
import dev.seccomplab.environments.containerd.CriClient;
import dev.seccomplab.environments.containerd.PrivateContainerd;
import dev.seccomplab.environments.containerd.WorkloadImageImport;
import dev.seccomplab.environments.containerd.api.PodSandboxConfig;
import dev.seccomplab.environments.image.WorkloadImageArchive;
import dev.seccomplab.environments.kubelet.LabKubelet;
import dev.seccomplab.environments.testing.HostProcesses;
import dev.seccomplab.environments.testing.RequiresCri;
import dev.seccomplab.environments.testing.TestDeployments;
import dev.seccomplab.environments.Workload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The cri environment on a real containerd of the lab's own: its life cycle, its leftovers, its errors. */
@ExtendWith(RequiresCri.class)
class CriEnvironmentIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void closingRemovesThePodsContainerdAndItsDirectory() throws Exception {
        Path runRoot = dir.resolve("run");
        CriEnvironment environment = environment(Optional.empty(), runRoot);
        environment.start(Progress.SILENT);
        Workspace workspace = environment.openWorkspace("it-close");
        workspace.start(TestDeployments.withContainerSecurityContext("left-open", "            {}"), TIMEOUT);
        Path own = runRoot.resolve(LabLabels.thisOwner());
        long containerdPid = Long.parseLong(Files.readString(own.resolve(PrivateContainerd.PID)).strip());

        environment.close();

        assertThat(own).doesNotExist();
        assertThat(ProcessHandle.of(containerdPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(HostProcesses.mentioning(own.toString())).as("no shim or container is left").isEmpty();
    }

    @Test
    void aKilledRunsPodsAreRemovedByTheNextStart() throws Exception {
        Path runRoot = dir.resolve("run");
        String deadOwner = deadOwner();
        Path leftover = runRoot.resolve(deadOwner);
        PrivateContainerd killed = PrivateContainerd.start(leftover, WorkloadImageArchive.NORMALISED_REFERENCE, Optional.empty(), Progress.SILENT);
        try (CriClient cri = CriClient.connect(killed.socket())) {
            WorkloadImageImport.ensure(cri, Progress.SILENT);
            cri.runPodSandbox(PodSandboxConfig.newBuilder()
                    .setMetadata(dev.seccomplab.environments.containerd.api.PodSandboxMetadata.newBuilder()
                            .setName("left-behind").setNamespace("seccomp-lab-it").setUid("uid-1"))
                    .putLabels(LabLabels.MANAGED, "true").putLabels(LabLabels.OWNER, deadOwner)
                    .setLinux(KubeletCriRequests.sandbox(new KubeletCriRequests.PodIdentity("x", "y", "z"),
                            TestDeployments.withContainerSecurityContext("p", "            {}").podSpec(),
                            Map.of(), Map.of()).getLinux())
                    .build());
        }
        // What kill -9 of the lab leaves: containerd gone with its watchdog, the sandbox still running in its shim.
        long pid = Long.parseLong(Files.readString(leftover.resolve(PrivateContainerd.PID)).strip());
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
        assertThat(HostProcesses.mentioning(leftover.toString())).as("the shim outlives containerd").isNotEmpty();

        List<String> steps = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (CriEnvironment next = environment(Optional.empty(), runRoot)) {
            next.start(steps::add);
        }
        assertThat(steps).anyMatch(step -> step.contains("cleaning up the containerd of lab process " + deadOwner));
        assertThat(steps).anyMatch(step -> step.contains("pod left-behind"));
        assertThat(leftover).doesNotExist();
        assertThat(HostProcesses.mentioning(leftover.toString())).isEmpty();
    }

    @Test
    void labDownStopsEveryLabContainerdEvenARunningOne() throws Exception {
        Path runRoot = dir.resolve("run");
        CriEnvironment running = environment(Optional.empty(), runRoot);
        running.start(Progress.SILENT);
        Workspace workspace = running.openWorkspace("it-down");
        workspace.start(TestDeployments.withContainerSecurityContext("busy", "            {}"), TIMEOUT);

        List<String> removed = CriLeftovers.reapAll(runRoot, Progress.SILENT);

        assertThat(removed).anySatisfy(item -> assertThat(item).startsWith("pod busy-"))
                .contains("the containerd of lab process " + LabLabels.thisOwner());
        assertThat(runRoot).isEmptyDirectory();
        assertThat(HostProcesses.mentioning(runRoot.toString())).isEmpty();
    }

    @Test
    void localhostProfilesAreEnforcedFromTheKubeletsSeccompDirectory() throws Exception {
        Files.createDirectories(dir.resolve("profiles"));
        Files.writeString(dir.resolve("profiles/deny-keyctl.json"),
                "{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"syscalls\": [{\"names\": [\"keyctl\"], \"action\": \"SCMP_ACT_ERRNO\"}]}");
        Files.writeString(dir.resolve("profiles/kill-uname.json"),
                "{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"syscalls\": [{\"names\": [\"uname\"], \"action\": \"SCMP_ACT_KILL_PROCESS\"}]}");
        try (CriEnvironment environment = environment(Optional.empty(), dir.resolve("run"))) {
            environment.start(Progress.SILENT);
            Workspace workspace = environment.openWorkspace("it-localhost");
            PodHandle deny = run(workspace, "deny", "            seccompProfile:\n              type: Localhost\n"
                    + "              localhostProfile: deny-keyctl.json");
            ExecResult keyctl = workspace.exec(deny, "workload", "keyctl", "show");
            assertThat(keyctl.exitCode()).isNotZero();
            assertThat(keyctl.stderr()).contains("Operation not permitted");
            assertThat(workspace.runtimeSeccomp(deny, "workload").summary().orElseThrow().defaultAction()).isEqualTo("SCMP_ACT_ALLOW");

            PodHandle kill = run(workspace, "kill", "            seccompProfile:\n              type: Localhost\n"
                    + "              localhostProfile: kill-uname.json");
            ExecResult uname = workspace.exec(kill, "workload", "uname");
            assertThat(uname.exitCode()).as("128 + SIGSYS (31)").isEqualTo(159);
        }
    }

    @Test
    void withSharedPidsProc1IsTheSandboxAndTheMainProcessIsTheWorkloads() throws Exception {
        try (CriEnvironment environment = environment(Optional.empty(), dir.resolve("run"))) {
            environment.start(Progress.SILENT);
            Workspace workspace = environment.openWorkspace("it-shared");
            Workload shared = TestDeployments.sharingProcessNamespace("shared-pid");
            PodHandle pod = workspace.start(shared, TIMEOUT);

            assertThat(workspace.exec(pod, "workload", "grep", "Seccomp", "/proc/1/status").stdout())
                    .as("the sandbox runs under RuntimeDefault").containsPattern("(?m)^Seccomp:\\s+2$");
            assertThat(workspace.mainProcessStatus(pod, "workload").text())
                    .as("the workload names no profile and seccompDefault is off").containsPattern("(?m)^Seccomp:\\s+0$");
        }
    }

    @Test
    void anImageThatIsNotThereWithPolicyNeverIsErrImageNeverPull() {
        try (CriEnvironment environment = environment(Optional.empty(), dir.resolve("run"))) {
            environment.start(Progress.SILENT);
            Workspace workspace = environment.openWorkspace("it-image");
            Workload elsewhere = TestDeployments.withContainerSecurityContext("elsewhere", "            {}");
            elsewhere.podSpec().getContainers().get(0).setImage("registry.example/app:1.0");
            assertThatThrownBy(() -> workspace.start(elsewhere, TIMEOUT))
                    .hasMessageContaining("ErrImageNeverPull")
                    .hasMessageContaining("registry.example/app:1.0");
        }
    }

    @Test
    void anExistingEndpointIsUsedAndItsNodeSettingsAreReadOnly() {
        try (CriEnvironment owner = environment(Optional.empty(), dir.resolve("run"))) {
            owner.start(Progress.SILENT);
            Path socket = dir.resolve("run").resolve(LabLabels.thisOwner()).resolve(ContainerdConfig.SOCKET);
            try (CriEnvironment guest = environment(Optional.of(socket), dir.resolve("unused"))) {
                guest.start(Progress.SILENT);
                assertThatThrownBy(() -> guest.applyKubeletSettings(KubeletSettings.wanted(true), Progress.SILENT))
                        .isInstanceOf(NodeSettingsReadOnlyException.class);
                Workspace workspace = guest.openWorkspace("it-guest");
                PodHandle pod = run(workspace, "guest", "            seccompProfile:\n              type: RuntimeDefault");
                assertThat(workspace.exec(pod, "workload", "grep", "Seccomp", "/proc/1/status").stdout())
                        .containsPattern("(?m)^Seccomp:\\s+2$");
                assertThat(guest.description()).contains("at " + socket);
            }
        }
    }

    @Test
    void anEndpointWithoutTheCriPluginIsRefusedInOneLineAndDoctorSaysSo() throws Exception {
        Path plain = dir.resolve("plain");
        Files.createDirectories(plain);
        Path socket = plain.resolve("containerd.sock");
        Files.writeString(plain.resolve("config.toml"), String.join("\n",
                "version = 2",
                "root = \"" + plain.resolve("root") + "\"",
                "state = \"" + plain.resolve("state") + "\"",
                "disabled_plugins = [\"io.containerd.grpc.v1.cri\"]",
                "[grpc]",
                "  address = \"" + socket + "\"", ""));
        Process containerd = new ProcessBuilder(PrivateContainerd.binary().toString(), "--config", plain.resolve("config.toml").toString())
                .redirectErrorStream(true).redirectOutput(plain.resolve("log").toFile()).start();
        try {
            for (int i = 0; i < 500 && !Files.exists(socket); i++) {
                Thread.sleep(20);
            }
            CriEnvironment environment = environment(Optional.of(socket), dir.resolve("unused"));
            assertThatThrownBy(() -> environment.start(Progress.SILENT))
                    .isInstanceOf(LabEnvironmentException.class)
                    .hasMessageContaining("does not serve CRI v1 Version")
                    .hasMessageContaining("cri plugin is disabled")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
            environment.close();

            List<Finding> findings = new CriProvider().findings(EnvironmentOptions.defaults().with(CriOptions.defaults().withSocket(socket)));
            assertThat(findings).singleElement().satisfies(finding -> {
                assertThat(finding.status()).isEqualTo(Finding.Status.MISSING);
                assertThat(finding.detail()).contains("cri plugin is disabled");
            });
        } finally {
            containerd.destroy();
            containerd.waitFor(20, TimeUnit.SECONDS);
        }
    }

    private PodHandle run(Workspace workspace, String name, String securityContext) {
        return workspace.start(TestDeployments.withContainerSecurityContext(name, securityContext), TIMEOUT);
    }

    private CriEnvironment environment(Optional<Path> endpoint, Path runRoot) {
        return new CriEnvironment(endpoint, runRoot,
                new LabKubelet(dir.resolve("kubelet/config.yaml"), dir.resolve("profiles"), endpoint.isPresent()));
    }

    private static String deadOwner() throws Exception {
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        return LabLabels.thisOwner().replaceFirst("_\\d+$", "_" + dead.pid());
    }
}
