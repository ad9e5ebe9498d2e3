package dev.seccomplab.environments.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.LabLabels;
import dev.seccomplab.environments.Progress;
import dev.seccomplab.environments.binaries.KubernetesBinaries;
import dev.seccomplab.environments.host.HostCgroups;
import dev.seccomplab.environments.testing.HostProcesses;
import dev.seccomplab.environments.testing.RequiresLocal;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local cluster's life on this host: what it leaves after a close, after a {@code kill -9} of
 * its owner (started or half-started), after {@code lab down}, and when a port it needs is taken.
 * Each test has a cluster folder of its own; the ports, the bridge and the cgroup root are the
 * host's, so the tests run one after the other.
 */
@ExtendWith(RequiresLocal.class)
class LocalClusterLifecycleIT {

    @TempDir
    Path dir;

    @Test
    void closingStopsEveryProgramAndRemovesEverythingTheClusterMade() throws Exception {
        LocalLayout layout = new LocalLayout(dir.resolve("cluster"));
        LocalEnvironment local = environment(layout);
        List<String> steps = new CopyOnWriteArrayList<>();
        local.start(steps::add);
        assertThat(steps).anyMatch(step -> step.startsWith("node " + LocalNode.NAME + " is Ready"));
        assertThat(HostProcesses.mentioning(layout.root().toString())).as("programs of the cluster")
                .anyMatch(line -> line.contains("/kube-apiserver ")).anyMatch(line -> line.contains("/kubelet "))
                .anyMatch(line -> line.contains("/etcd ")).anyMatch(line -> line.contains("containerd --config"));

        local.close();

        assertNothingLeft(layout);
    }

    @Test
    void aKilledOwnersClusterIsRemovedByTheNextStartWhichThenRunsItsOwn() throws Exception {
        LocalLayout layout = new LocalLayout(dir.resolve("cluster"));
        LocalClusterProcess owner = LocalClusterProcess.start(layout.root()).awaitLine(LocalClusterProcess.READY::equals, 120);
        owner.kill();
        assertThat(LocalLeftovers.owner(layout)).as("the folder still names its dead owner").isPresent();

        LocalEnvironment next = environment(layout);
        List<String> steps = new CopyOnWriteArrayList<>();
        next.start(steps::add);
        try {
            assertThat(steps).anyMatch(step -> step.startsWith("removed the local cluster a killed lab run ("
                    + LabLabels.thisOwner().replaceFirst("_\\d+$", "_" + owner.pid()) + ") left"));
            assertThat(next.ownsTheCluster()).isTrue();
            assertThat(next.readKubeletSettings().seccompDefault()).isFalse();
        } finally {
            next.close();
        }
        assertNothingLeft(layout);
    }

    @Test
    void aHalfStartedControlPlaneOfAKilledOwnerIsRemovedToo() throws Exception {
        LocalLayout layout = new LocalLayout(dir.resolve("cluster"));
        LocalClusterProcess owner = LocalClusterProcess.start(layout.root())
                .awaitLine(line -> line.startsWith("kubeadm "), 120);
        // Killed between kubeadm's phases and a Ready node: etcd and the API server may be starting.
        Thread.sleep(1500);
        owner.kill();

        List<String> removed = LocalLeftovers.removeAll(layout, Progress.SILENT);

        assertThat(removed).contains("the local cluster's folder " + layout.root());
        assertNothingLeft(layout);
    }

    @Test
    void labDownRemovesARunningClusterWhoseOwnerStillLives() throws Exception {
        LocalLayout layout = new LocalLayout(dir.resolve("cluster"));
        LocalClusterProcess owner = LocalClusterProcess.start(layout.root()).awaitLine(LocalClusterProcess.READY::equals, 120);
        try {
            List<String> removed = LocalLeftovers.removeAll(layout, Progress.SILENT);
            assertThat(removed).anyMatch(item -> item.startsWith("kubelet (pid ")).anyMatch(item -> item.startsWith("etcd (pid "))
                    .contains("the bridge " + PodNetwork.BRIDGE);
            assertNothingLeft(layout);
        } finally {
            owner.kill();
        }
    }

    @Test
    void aPortInUseIsRefusedInOneLineNamingWhoHoldsItAndNothingIsLeft() throws Exception {
        LocalLayout layout = new LocalLayout(dir.resolve("cluster"));
        int apiServer = LocalPorts.standard().apiServer();
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", apiServer));
            LocalEnvironment local = environment(layout);
            assertThatThrownBy(() -> local.start(Progress.SILENT))
                    .isInstanceOf(LabEnvironmentException.class)
                    .hasMessageContaining("Port " + apiServer + ", which the local cluster's kube-apiserver uses, is taken by pid "
                            + ProcessHandle.current().pid())
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
            local.close();
        }
        assertNothingLeft(layout);
    }

    private static LocalEnvironment environment(LocalLayout layout) {
        return new LocalEnvironment(KubernetesBinaries.inStateDirectory(), layout, layout.root().resolveSibling("profiles"), true);
    }

    static void assertNothingLeft(LocalLayout layout) throws java.io.IOException {
        assertThat(layout.root()).doesNotExist();
        assertThat(HostProcesses.mentioning(layout.root().toString())).as("programs, shims and containers")
                .allMatch(line -> line.contains(LocalClusterProcess.class.getName()));
        assertThat(HostCgroups.processesBelow(LocalLayout.CGROUP_ROOT)).as("processes in the kubelet's cgroups").isEmpty();
        assertThat(HostCgroups.exists(LocalLayout.CGROUP_ROOT)).as("the kubelet's cgroup root").isFalse();
        assertThat(Path.of("/sys/class/net", PodNetwork.BRIDGE)).as("the pods' bridge").doesNotExist();
        assertThat(HostTraces.DEVICE_PLUGINS.resolve("kubelet.sock")).doesNotExist();
        if (Files.isDirectory(HostTraces.CONTAINER_LOGS)) {
            try (var links = Files.list(HostTraces.CONTAINER_LOGS)) {
                assertThat(links.map(Path::toString)).noneMatch(link -> link.contains(layout.root().toString()));
            }
        }
    }
}
