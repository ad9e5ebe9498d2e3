package dev.seccomplab.environments.kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import dev.seccomplab.environments.EnvironmentOptions;
import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.LabLabels;
import dev.seccomplab.environments.Progress;
import dev.seccomplab.environments.engine.DockerEngine;
import dev.seccomplab.environments.engine.LabContainerReaper;
import dev.seccomplab.environments.image.WorkloadImage;
import dev.seccomplab.environments.testing.Requirement;
import dev.seccomplab.environments.testing.RequiresDocker;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.utility.TestcontainersConfiguration;

/** The kind environment's start and clean-up on the real engine; the whole suite on kind is in scenarios' KindSuiteIT. */
@ExtendWith(RequiresDocker.class)
class KindEnvironmentIT {

    @Test
    void withoutItsNodeImageItFailsBeforeStartingAnythingSayingHowToGetIt() {
        DockerClient docker = DockerEngine.connect();
        String absent = "seccomp-lab/kind-node:v0.0.0-absent";

        try (KindEnvironment kind = new KindEnvironment(KindNodeImage.newestVersion(), absent, Path.of("profiles"), false)) {
            assertThatThrownBy(() -> kind.start(Progress.SILENT))
                    .isInstanceOf(LabEnvironmentException.class)
                    .hasMessageContaining(absent + " is not on this Docker engine")
                    .hasMessageContaining("./lab kind build");
        }
        assertThat(new LabContainerReaper(docker).labContainers()).noneMatch(c -> c.getImage().equals(absent));
    }

    @Test
    void reuseIsRefusedWhereTestcontainersWouldNotReuseTheNode() {
        Requirement.skipUnless(!TestcontainersConfiguration.getInstance().environmentSupportsReuse(),
                "Testcontainers reuse is switched on here, so --reuse is honoured");
        try (KindEnvironment kind = new KindEnvironment(KindNodeImage.newestVersion(), "seccomp-lab/kind-node:v0.0.0-absent", Path.of("profiles"), true)) {
            assertThatThrownBy(() -> kind.start(Progress.SILENT))
                    .isInstanceOf(LabEnvironmentException.class)
                    .hasMessageContaining("testcontainers.reuse.enable=true");
        }
    }

    @Test
    void aKilledRunsNodeIsReapedWithItsContainerdVolume() throws Exception {
        DockerClient docker = DockerEngine.connect();
        WorkloadImage.ensurePresent(docker, Progress.SILENT);
        String volume = "kindcontainer-" + UUID.randomUUID();
        docker.createVolumeCmd().withName(volume).exec();
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        docker.createContainerCmd(WorkloadImage.REFERENCE)
                .withLabels(Map.of(LabLabels.MANAGED, "true",
                        LabLabels.OWNER, LabLabels.thisOwner().replaceFirst("_\\d+$", "_" + dead.pid())))
                .withHostConfig(HostConfig.newHostConfig().withBinds(new Bind(volume, new Volume("/var/lib/containerd"))))
                .exec();

        assertThat(new LabContainerReaper(docker).reapLeftovers()).contains("volume " + volume);
        assertThatThrownBy(() -> docker.inspectVolumeCmd(volume).exec()).isInstanceOf(NotFoundException.class);
    }

    @Test
    void labDownRemovesAReusedNodesVolumeLeftWithoutItsNode() {
        DockerClient docker = DockerEngine.connect();
        docker.createVolumeCmd().withName(KindEnvironment.REUSE_VOLUME).exec();

        assertThat(new KindProvider().removeAll(EnvironmentOptions.defaults(), Progress.SILENT))
                .containsExactly("volume " + KindEnvironment.REUSE_VOLUME);
        assertThatThrownBy(() -> docker.inspectVolumeCmd(KindEnvironment.REUSE_VOLUME).exec()).isInstanceOf(NotFoundException.class);
    }
}
