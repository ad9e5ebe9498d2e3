package dev.seccomplab.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seccomplab.environments.cri.CriEnvironment;
import dev.seccomplab.environments.kubelet.LabKubelet;
import dev.seccomplab.environments.testing.RequiresCri;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The whole catalogue through containerd's CRI, the lab in the kubelet's place: privileged included, on any host. */
@ExtendWith(RequiresCri.class)
class CriSuiteIT extends SeccompSuiteContract {

    @TempDir
    static Path state;

    @BeforeAll
    static void runTheSuite() {
        runSuite(new CriEnvironment(Optional.empty(), state.resolve("run"),
                new LabKubelet(state.resolve("kubelet/config.yaml"), state.resolve("profiles"), false)), Duration.ofSeconds(60));
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
    boolean hasApiServer() {
        return false;
    }

    @Override
    boolean hasPodSandboxes() {
        return true;
    }

    @Test
    void theKubeletSettingIsReadBackFromTheKubeletConfigurationFile() {
        assertThat(checksOf("seccomp-default").get(0).evidence())
                .isEqualTo("read from " + state.resolve("kubelet/config.yaml"));
    }

    @Test
    void theSuiteLeavesTheKubeletConfigurationAsItFoundIt() throws Exception {
        assertThat(Files.readString(state.resolve("kubelet/config.yaml"))).contains("seccompDefault: false");
    }

    @Test
    void theEvidenceSaysWhatTheLabAskedOfTheRuntime() {
        assertThat(checksOf("privileged").get(0).evidence())
                .contains("the lab, in the kubelet's place, asked the runtime for RuntimeDefault")
                .contains("attach none to a privileged container");
    }
}
