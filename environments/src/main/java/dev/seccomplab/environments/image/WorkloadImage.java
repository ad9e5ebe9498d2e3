package dev.seccomplab.environments.image;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.BuildResponseItem;
import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.Progress;
import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The image every lab pod runs: a shell, grep, sleep and keyctl. It is built here, never pulled,
 * and rebuilt only when its content changes.
 */
public final class WorkloadImage {

    /** The name the manifests use, with {@code imagePullPolicy: Never}. */
    public static final String REFERENCE = "seccomp-lab/workload:latest";
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
        try {
            docker.buildImageCmd(new ByteArrayInputStream(context.tar()))
                    .withTags(Set.of(REFERENCE))
                    .withLabels(Map.of(CONTENT_LABEL, sha))
                    .withPull(false)
                    .withRemove(true)
                    .exec(new BuildImageResultCallback() {
                        @Override
                        public void onNext(BuildResponseItem item) {
                            if (item.getStream() != null && item.getStream().startsWith("Step ")) {
                                progress.step("  " + item.getStream().strip());
                            }
                            super.onNext(item);
                        }
                    })
                    .awaitImageId();
        } catch (RuntimeException e) {
            throw new LabEnvironmentException("Building the workload image " + REFERENCE + " failed: " + e.getMessage()
                    + ". Run 'lab doctor' to check the Docker engine.", e);
        }
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
