package dev.seccomplab.environments.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import dev.seccomplab.environments.Progress;
import dev.seccomplab.environments.image.WorkloadImage;
import dev.seccomplab.environments.testing.RequiresDocker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code lab down --images} removes by repository prefix: only the tags asked for, never the image under another name. */
@ExtendWith(RequiresDocker.class)
class DockerEngineIT {

    @Test
    void removingImagesByPrefixRemovesThoseTagsAndLeavesTheOthers() {
        DockerClient docker = DockerEngine.connect();
        String source = WorkloadImage.ensurePresent(docker, Progress.SILENT);
        docker.tagImageCmd(source, "seccomp-lab/removal-test-a", "one").exec();
        docker.tagImageCmd(source, "seccomp-lab/removal-test-b", "two").exec();

        assertThat(DockerEngine.removeImages(docker, "seccomp-lab/removal-test-"))
                .containsExactlyInAnyOrder("seccomp-lab/removal-test-a:one", "seccomp-lab/removal-test-b:two");
        assertThat(DockerEngine.hasImage(docker, "seccomp-lab/removal-test-a:one")).isFalse();
        assertThat(DockerEngine.hasImage(docker, source)).as("the image itself, under its own tag, stays").isTrue();
        assertThat(DockerEngine.removeImages(docker, "seccomp-lab/removal-test-")).isEmpty();
    }
}
