package dev.seccomplab.environments.image;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.seccomplab.environments.Progress;
import java.util.Map;
import java.util.Optional;

/**
 * The image every lab pod runs: a shell, grep, sleep and keyctl. It is built here, never pulled,
 * and rebuilt only when its content changes.
 */
public final class WorkloadImage {

    /** The name the manifests use, with {@code imagePullPolicy: Never}. */
    public static final String REPOSITORY = "seccomp-lab/workload";
    public static final String REFERENCE = REPOSITORY + ":latest";
    static final String CONTENT_LABEL = "dev.seccomplab.workload.content-sha256";

    private WorkloadImage() {
    }

    /** Builds the image unless an image with the same content is already there. */
    public static String ensurePresent(DockerClient docker, Progress progress) {
        WorkloadBuildContext context = WorkloadBuildContext.fromHost();
        String sha = context.contentSha256();
        if (sha.equals(presentContentSha(docker).orElse(null))) {
            progress.step("workload image " + REFERENCE + " is up to date (content " + sha.substring(0, 12) + ")");
            return REFERENCE;
        }
        progress.step("building workload image " + REFERENCE + " from this host's busybox and keyctl (no registry)");
        DockerImageBuild.ofTar(docker, context.tar(), "the workload image").run(REFERENCE, Map.of(CONTENT_LABEL, sha), progress);
        progress.step("built " + REFERENCE + " (content " + sha.substring(0, 12) + ")");
        return REFERENCE;
    }

    /** The content hash of the image now tagged {@link #REFERENCE}, if there is one. */
    public static Optional<String> presentContentSha(DockerClient docker) {
        try {
            InspectImageResponse image = docker.inspectImageCmd(REFERENCE).exec();
            return Optional.ofNullable(image.getConfig())
                    .map(config -> config.getLabels())
                    .map(labels -> labels.get(CONTENT_LABEL));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }
}
