package dev.seccomplab.environments.kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.Progress;
import dev.seccomplab.environments.docker.DockerEngine;
import dev.seccomplab.environments.image.WorkloadImage;
import dev.seccomplab.environments.kubelet.KubeletConfigFile;
import dev.seccomplab.environments.testing.RequiresDocker;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The node-side file edit through the same docker-java exec and copy calls the kind node gets,
 * on a plain container: no kind node image can be had here, and the calls do not differ.
 */
@ExtendWith(RequiresDocker.class)
class NodeShellIT {

    private static GenericContainer<?> plainNode;
    private static NodeShell shell;

    @BeforeAll
    static void start() {
        WorkloadImage.ensurePresent(DockerEngine.connect(), Progress.SILENT);
        plainNode = new GenericContainer<>(DockerImageName.parse(WorkloadImage.REFERENCE))
                .withImagePullPolicy(image -> false)
                .withLabels(dev.seccomplab.environments.LabLabels.forThisProcess());
        plainNode.start();
        shell = new NodeShell(plainNode);
    }

    @AfterAll
    static void stop() {
        if (plainNode != null) {
            plainNode.stop();
        }
    }

    @Test
    void editsTheKubeletConfigInPlaceThroughExecAndCopy() throws Exception {
        String recorded;
        try (InputStream in = NodeShellIT.class.getResourceAsStream("/recorded/kubelet-config.yaml")) {
            recorded = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        shell.write(KubeletConfigFile.NODE_PATH, recorded);

        shell.write(KubeletConfigFile.NODE_PATH, KubeletConfigFile.withSeccompDefault(shell.read(KubeletConfigFile.NODE_PATH), true, KubeletConfigFile.NODE_PATH));

        var config = new ObjectMapper(new YAMLFactory()).readTree(shell.read(KubeletConfigFile.NODE_PATH));
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
