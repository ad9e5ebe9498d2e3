package dev.seccomplab.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seccomplab.environments.binaries.KubernetesBinaries;
import dev.seccomplab.environments.local.LocalEnvironment;
import dev.seccomplab.environments.testing.RequiresLocal;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole catalogue on upstream Kubernetes run by the lab: the Deployments go through a real API
 * server, and the real kubelet chooses every profile, privileged included.
 */
@ExtendWith(RequiresLocal.class)
class LocalSuiteIT extends SeccompSuiteContract {

    @TempDir
    static Path profiles;

    @BeforeAll
    static void runTheSuite() {
        runSuite(new LocalEnvironment(KubernetesBinaries.inStateDirectory(), profiles), Duration.ofMinutes(2));
    }

    @Override
    String profileSource() {
        return "CRI ContainerStatus(verbose)";
    }

    @Override
    boolean privilegedNeedsEveryCapability() {
        return false;
    }

    @Override
    boolean hasPodSandboxes() {
        return true;
    }

    @Override
    boolean hasApiServer() {
        return true;
    }

    @Test
    void theKubeletSettingIsReadBackThroughConfigzOfTheRealKubelet() {
        assertThat(checksOf("seccomp-default").get(0).evidence()).contains("/api/v1/nodes/lab-node/proxy/configz");
    }

    @Test
    void noCheckSaysTheLabPlayedTheKubelet() {
        assertThat(suite.checks()).allSatisfy(check -> assertThat(check.evidence()).doesNotContain("in the kubelet's place"));
    }

    @Test
    void theSuiteLeavesTheKubeletAsItFoundIt() {
        assertThat(environment.readKubeletSettings().seccompDefault()).isFalse();
    }
}
