package dev.seccomplab.environments.kind;

import com.github.dockerjava.api.DockerClient;
import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.Progress;
import java.io.IOException;
import java.io.InputStream;

/**
 * Loads an image from the Docker engine into the kind node's containerd, as {@code kind load
 * docker-image} does: save it, copy the tar into the node, import it into the {@code k8s.io}
 * namespace the kubelet's CRI uses.
 */
final class ImageImport {

    static final String NODE_TAR = "/tmp/seccomp-lab-image.tar";
    static final String[] IMPORT = {"ctr", "--namespace=k8s.io", "images", "import", "--all-platforms", "--digests", NODE_TAR};

    private ImageImport() {
    }

    static void load(DockerClient docker, NodeShell node, String image, Progress progress) {
        progress.step("saving " + image + " from the Docker engine");
        byte[] tar;
        try (InputStream saved = docker.saveImageCmd(image).exec()) {
            tar = saved.readAllBytes();
        } catch (IOException | RuntimeException e) {
            throw new LabEnvironmentException("docker save " + image + " failed: " + e.getMessage(), e);
        }
        progress.step("copying " + tar.length / 1024 + " KiB into the node and importing it into containerd (k8s.io)");
        node.write(NODE_TAR, tar, 0644);
        node.run(IMPORT);
        node.run("rm", "-f", NODE_TAR);
    }
}
