package dev.seccomplab.environments.image;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.model.BuildResponseItem;
import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.Progress;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * One {@code docker build} that never pulls: every image the lab builds starts {@code FROM scratch}
 * or from an image made here. Docker's "Step n/m" lines are the progress.
 */
public final class DockerImageBuild {

    private final BuildImageCmd command;
    private final String what;

    private DockerImageBuild(BuildImageCmd command, String what) {
        this.command = command.withPull(false).withRemove(true);
        this.what = what;
    }

    /** @param context a tar with a Dockerfile at its root */
    public static DockerImageBuild ofTar(DockerClient docker, byte[] context, String what) {
        return new DockerImageBuild(docker.buildImageCmd(new ByteArrayInputStream(context)), what);
    }

    /** @param context a folder with a Dockerfile at its root; Docker's client sends it as a tar */
    public static DockerImageBuild ofDirectory(DockerClient docker, Path context, String what) {
        File directory = context.toFile();
        return new DockerImageBuild(docker.buildImageCmd().withBaseDirectory(directory)
                .withDockerfile(new File(directory, "Dockerfile")), what);
    }

    public DockerImageBuild buildArgument(String name, String value) {
        command.withBuildArg(name, value);
        return this;
    }

    /** Builds and tags the image; returns its id. */
    public String run(String tag, Map<String, String> labels, Progress progress) {
        try {
            return command.withTags(Set.of(tag)).withLabels(labels)
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
            throw new LabEnvironmentException("Building " + what + " (" + tag + ") failed: " + e.getMessage()
                    + ". Run 'lab doctor' to check the Docker engine.", e);
        }
    }
}
