package dev.seccomplab.environments.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.seccomplab.environments.LabEnvironmentException;
import java.nio.file.Files;
import java.nio.file.Path;
import com.github.dockerjava.api.model.Image;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;

/** The connection to the Docker engine, through Testcontainers' discovery (DOCKER_HOST, the socket). */
public final class DockerEngine {

    private DockerEngine() {
    }

    /**
     * Testcontainers settings that only environment variables can give, and without which it
     * waits minutes on registries our hosts cannot reach. Empty when all is well.
     */
    public static Optional<String> missingTestcontainersSettings(Map<String, String> environment) {
        if (!"true".equalsIgnoreCase(environment.get("TESTCONTAINERS_RYUK_DISABLED"))) {
            return Optional.of("TESTCONTAINERS_RYUK_DISABLED=true is not set: Testcontainers would pull its Ryuk image "
                    + "(about 7 minutes to fail without a registry). The lab removes its own containers by label instead. "
                    + "Export it, or start the lab through ./lab, which sets it.");
        }
        if (Files.exists(Path.of("/.dockerenv")) && environment.get("TESTCONTAINERS_HOST_OVERRIDE") == null) {
            return Optional.of("TESTCONTAINERS_HOST_OVERRIDE is not set and this host looks like a container "
                    + "(/.dockerenv): Testcontainers would pull alpine to find its gateway. "
                    + "Export TESTCONTAINERS_HOST_OVERRIDE=localhost, or start the lab through ./lab, which sets it.");
        }
        return Optional.empty();
    }

    public static boolean isAvailable() {
        return missingTestcontainersSettings(System.getenv()).isEmpty() && DockerClientFactory.instance().isDockerAvailable();
    }

    /** Whether the engine holds the image; the lab never pulls one to find out. */
    public static boolean hasImage(DockerClient docker, String reference) {
        try {
            docker.inspectImageCmd(reference).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /**
     * Removes every image tagged in a repository whose name starts with {@code prefix}, e.g. all of
     * {@code seccomp-lab/kind-}; returns the tags removed.
     */
    public static List<String> removeImages(DockerClient docker, String prefix) {
        List<String> removed = new ArrayList<>();
        for (Image image : docker.listImagesCmd().exec()) {
            for (String tag : image.getRepoTags() == null ? new String[0] : image.getRepoTags()) {
                if (tag.startsWith(prefix)) {
                    docker.removeImageCmd(tag).withForce(true).exec();
                    removed.add(tag);
                }
            }
        }
        return removed;
    }

    public static DockerClient connect() {
        missingTestcontainersSettings(System.getenv()).ifPresent(problem -> {
            throw new LabEnvironmentException(problem);
        });
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new LabEnvironmentException("No Docker engine answers (looked at DOCKER_HOST and "
                    + "/var/run/docker.sock). Start one: on Debian as root, 'apt-get install docker.io' and "
                    + "'dockerd &', or simply run ./lab, which does both.");
        }
        return DockerClientFactory.instance().client();
    }
}
