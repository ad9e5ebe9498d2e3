package dev.seccomplab.scenarios;

import dev.seccomplab.environments.docker.DockerEnvironment;
import dev.seccomplab.environments.kubelet.LabKubelet;
import dev.seccomplab.environments.testing.RequiresDocker;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The whole catalogue on the real Docker engine and the real kernel. */
@ExtendWith(RequiresDocker.class)
class DockerSuiteIT extends SeccompSuiteContract {

    @TempDir
    static Path state;

    @BeforeAll
    static void runTheSuite() {
        runSuite(new DockerEnvironment(new LabKubelet(state.resolve("kubelet/config.yaml"), state.resolve("profiles"), false)),
                Duration.ofSeconds(90));
    }

    @Override
    String profileSource() {
        return "config.json";
    }

    @Override
    boolean privilegedNeedsEveryCapability() {
        return true;
    }

    @Override
    boolean hasApiServer() {
        return false;
    }

    @Override
    boolean hasPodSandboxes() {
        return false;
    }
}
