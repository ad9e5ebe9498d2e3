package dev.seccomplab.environments.kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.Progress;
import dev.seccomplab.environments.docker.DockerEngine;
import dev.seccomplab.environments.testing.RequiresDocker;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The kind environment's start on the real engine; the whole suite on kind is in scenarios' KindSuiteIT. */
@ExtendWith(RequiresDocker.class)
class KindEnvironmentIT {

    @Test
    void withoutItsNodeImageItFailsWithinSecondsSayingHowToGetIt() {
        var version = KindNodeImage.newestVersion();
        Assumptions.assumeFalse(KindNodeImage.isPresent(DockerEngine.connect(), version),
                KindNodeImage.reference(version) + " is present here, so start does not fail; KindSuiteIT starts it for real");

        long start = System.nanoTime();
        try (KindEnvironment kind = new KindEnvironment(version, Path.of("profiles"), false)) {
            assertThatThrownBy(() -> kind.start(Progress.SILENT))
                    .isInstanceOf(LabEnvironmentException.class)
                    .hasMessageContaining("kindest/node:v1.34.0 is not on this Docker engine")
                    .hasMessageContaining("docker load -i");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }
}
