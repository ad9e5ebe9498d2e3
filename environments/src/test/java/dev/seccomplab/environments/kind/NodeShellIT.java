package dev.seccomplab.environments.kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.image.WorkloadImageArchive;
import dev.seccomplab.environments.kubelet.KubeletConfigFile;
import dev.seccomplab.environments.testing.RequiresDocker;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.images.builder.Transferable;

/**
 * The kind environment's node-side steps, through the same docker-java exec and copy calls a kind
 * node gets, on {@link KindNodeStandIn}: containerd in a container with Kindcontainer's tmpfs mounts.
 */
@ExtendWith(RequiresDocker.class)
class NodeShellIT {

    private static KindNodeStandIn node;
    private static NodeShell shell;

    @BeforeAll
    static void start() {
        node = new KindNodeStandIn();
        node.start();
        shell = new NodeShell(node);
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.stop();
        }
    }

    @Test
    void importsTheWorkloadImageIntoTheNodesContainerdWithItsSnapshotter() {
        List<String> steps = new CopyOnWriteArrayList<>();
        ImageImport.load(shell, WorkloadImageArchive.fromHost(), steps::add);

        assertThat(steps).anyMatch(step -> step.contains("snapshotter native"));
        assertThat(shell.run("ctr", "--namespace=k8s.io", "images", "ls", "-q").lines())
                .contains(WorkloadImageArchive.NORMALISED_REFERENCE);
        assertThat(shell.exec("cat", ImageImport.NODE_ARCHIVE).succeeded()).as("the archive is removed after the import").isFalse();
    }

    /** Why the import never goes through /tmp: the file lands beneath the node's tmpfs, where nothing sees it. */
    @Test
    void dockersArchiveApiWritesBeneathATmpfsWhereTheNodeCannotSeeIt() {
        node.copyFileToContainer(Transferable.of("written", 0644), "/tmp/beneath-the-tmpfs");
        assertThat(shell.exec("cat", "/tmp/beneath-the-tmpfs").stderr()).contains("No such file or directory");

        assertThatThrownBy(() -> shell.write("/tmp/seccomp-lab-image.tar", "x"))
                .isInstanceOf(LabEnvironmentException.class)
                .hasMessageContaining("/tmp is a tmpfs there");
    }

    @Test
    void editsTheKubeletConfigInPlaceThroughExecAndCopy() throws Exception {
        String recorded;
        try (InputStream in = NodeShellIT.class.getResourceAsStream("/recorded/kubelet-config.yaml")) {
            recorded = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String file = KubeletConfigFile.NODE_PATH;
        shell.write(file, recorded);

        shell.write(file, KubeletConfigFile.withSeccompDefault(shell.read(file), true, file));

        var config = new ObjectMapper(new YAMLFactory()).readTree(shell.read(file));
        assertThat(config.path("seccompDefault").asBoolean()).isTrue();
        assertThat(config.path("staticPodPath").asText()).isEqualTo("/etc/kubernetes/manifests");
    }

    @Test
    void aFailingNodeCommandNamesItselfAndItsOutput() {
        assertThatThrownBy(() -> shell.run("cat", "/var/lib/kubelet/missing.yaml"))
                .isInstanceOf(LabEnvironmentException.class)
                .hasMessageContaining("'cat /var/lib/kubelet/missing.yaml' failed on the node")
                .hasMessageContaining("No such file or directory");
    }
}
