package dev.seccomplab.environments.kubelet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seccomplab.environments.KubeletSettings;
import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.NodeSettingsReadOnlyException;
import dev.seccomplab.environments.Progress;
import dev.seccomplab.environments.rules.ChosenProfile;
import dev.seccomplab.environments.testing.TestDeployments;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabKubeletTest {

    @TempDir
    Path dir;

    @Test
    void withoutAFileTheKubeletRunsOnItsDefaults() {
        LabKubelet kubelet = new LabKubelet(dir.resolve("config.yaml"), dir, false);
        KubeletSettings settings = kubelet.read();
        assertThat(settings.seccompDefault()).isFalse();
        assertThat(settings.source()).contains("absent: the kubelet's default");
    }

    @Test
    void applyWritesAKubeletConfigurationThatIsReadBack() throws Exception {
        Path file = dir.resolve("kubelet/config.yaml");
        LabKubelet kubelet = new LabKubelet(file, dir, false);
        kubelet.apply(KubeletSettings.wanted(true), Progress.SILENT);

        assertThat(Files.readString(file)).contains("kind: \"KubeletConfiguration\"", "seccompDefault: true");
        assertThat(kubelet.read().seccompDefault()).isTrue();
        assertThat(kubelet.read().source()).isEqualTo(file.toString());
    }

    @Test
    void theChoiceFollowsTheFileAsItIsNow() throws Exception {
        Path file = dir.resolve("config.yaml");
        LabKubelet kubelet = new LabKubelet(file, dir, false);
        PodSpec pod = TestDeployments.withContainerSecurityContext("p", "            {}").podSpec();
        assertThat(kubelet.choose(pod, pod.getContainers().get(0)).type()).isEqualTo(ChosenProfile.Type.UNCONFINED);

        Files.writeString(file, KubeletConfigFile.fresh() + "seccompDefault: true\n");
        assertThat(kubelet.choose(pod, pod.getContainers().get(0)).type()).isEqualTo(ChosenProfile.Type.RUNTIME_DEFAULT);
    }

    @Test
    void aReadOnlyKubeletIsNeverEdited() {
        Path file = dir.resolve("config.yaml");
        LabKubelet kubelet = new LabKubelet(file, dir, true);
        assertThatThrownBy(() -> kubelet.apply(KubeletSettings.wanted(true), Progress.SILENT))
                .isInstanceOf(NodeSettingsReadOnlyException.class)
                .hasMessageContaining("does not edit it");
        assertThat(file).doesNotExist();
    }

    @Test
    void localhostProfilesArePathsBelowTheSeccompRoot() {
        LabKubelet kubelet = new LabKubelet(dir.resolve("config.yaml"), dir.resolve("seccomp"), false);
        assertThat(kubelet.localhostProfilePath(localhost("profiles/deny-keyctl.json")))
                .isEqualTo(dir.resolve("seccomp/profiles/deny-keyctl.json").toAbsolutePath());
    }

    @Test
    void aPathThatClimbsOutOfTheSeccompRootIsRefused() {
        LabKubelet kubelet = new LabKubelet(dir.resolve("config.yaml"), dir.resolve("seccomp"), false);
        for (String escape : new String[] {"../secret.json", "profiles/../../secret.json", "/etc/passwd", "."}) {
            assertThatThrownBy(() -> kubelet.localhostProfilePath(localhost(escape)))
                    .as(escape)
                    .isInstanceOf(LabEnvironmentException.class)
                    .hasMessageContaining("leaves the seccomp directory");
        }
    }

    @Test
    void aMissingProfileSaysWhereToPutIt() {
        LabKubelet kubelet = new LabKubelet(dir.resolve("config.yaml"), dir, false);
        assertThatThrownBy(() -> kubelet.readLocalhostProfile(localhost("absent.json")))
                .hasMessageContaining(dir.resolve("absent.json").toAbsolutePath().toString())
                .hasMessageContaining("/var/lib/kubelet/seccomp");
    }

    private static ChosenProfile localhost(String path) {
        return new ChosenProfile(ChosenProfile.Type.LOCALHOST, path, "test");
    }
}
