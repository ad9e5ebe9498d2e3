package dev.seccomplab.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seccomplab.environments.HostLimitException;
import dev.seccomplab.environments.docker.DockerEngine;
import dev.seccomplab.environments.kind.ControlPlaneRegistry;
import dev.seccomplab.environments.kind.KindEnvironment;
import dev.seccomplab.environments.kind.KindNodeImage;
import dev.seccomplab.environments.testing.RequiresDocker;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole catalogue on a real kind cluster, with the same expectations as on Docker. It runs
 * wherever the engine has the kind node image of the default version; without it, every test
 * skips and says how to get the image.
 */
@ExtendWith(RequiresDocker.class)
class KindSuiteIT extends SeccompSuiteContract {

    @TempDir
    static Path profiles;
    private static HostLimitException hostLimit;
    /** Why the kind suite cannot run here (no node image, no registry); each test skips with it, so the report says why. */
    private static String missingImage;

    @BeforeAll
    static void runTheSuite() {
        var version = KindNodeImage.newestVersion();
        if (!KindNodeImage.isPresent(DockerEngine.connect(), version)) {
            missingImage = "kind suite skipped: " + KindNodeImage.missingMessage(version);
        } else {
            ControlPlaneRegistry.unreachable().ifPresent(why -> missingImage = "kind suite skipped: " + why);
        }
        if (missingImage != null) {
            System.out.println(missingImage);
            return;
        }
        try {
            runSuite(new KindEnvironment(version, profiles, false), Duration.ofMinutes(3));
        } catch (HostLimitException e) {
            hostLimit = e;
            System.out.println("kind suite skipped, but for its host-limit test: kind could not start on this host: " + e.getMessage());
        }
    }

    @BeforeEach
    void needsAStartedCluster(org.junit.jupiter.api.TestInfo test) {
        Assumptions.assumeTrue(missingImage == null, missingImage);
        if (!test.getTestMethod().orElseThrow().getName().equals("aHostThatCannotRunPrivilegedContainersCannotRunKind")) {
            Assumptions.assumeTrue(hostLimit == null, "kind could not start on this host: " + (hostLimit == null ? "" : hostLimit.getMessage()));
        }
    }

    @Test
    void aHostThatCannotRunPrivilegedContainersCannotRunKind() throws Exception {
        var incomplete = incompleteBoundingSet();
        if (incomplete.isEmpty()) {
            assertThat(hostLimit).as("kind should start on a host with a complete bounding set").isNull();
        } else {
            assertThat(hostLimit).isNotNull();
            assertThat(hostLimit.getMessage()).contains("kind node runs as a privileged container",
                    "CapBnd " + incomplete.get() + ") lacks cap_");
        }
    }

    @Override
    String profileSource() {
        return "crictl inspect";
    }

    @Override
    boolean privilegedNeedsEveryCapability() {
        return true;
    }

    @Override
    boolean hasApiServer() {
        return true;
    }

    @Override
    boolean hasPodSandboxes() {
        return true;
    }

    @Test
    void theKubeletSettingIsReadBackThroughConfigz() {
        assertThat(checksOf("seccomp-default").get(0).evidence()).contains("/api/v1/nodes/kind/proxy/configz");
    }
}
