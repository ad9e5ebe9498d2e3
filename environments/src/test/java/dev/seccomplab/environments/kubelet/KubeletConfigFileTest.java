package dev.seccomplab.environments.kubelet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.seccomplab.environments.LabEnvironmentException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The KubeletConfiguration read and edit, on a file written after the one kubeadm writes on a node. */
class KubeletConfigFileTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String FILE = "node:/var/lib/kubelet/config.yaml";

    @Test
    void turnsSeccompDefaultOnAndKeepsEveryOtherSetting() throws Exception {
        String original = recorded("kubelet-config.yaml");
        String edited = KubeletConfigFile.withSeccompDefault(original, true, FILE);

        ObjectNode after = (ObjectNode) YAML.readTree(edited);
        assertThat(after.path("seccompDefault").asBoolean()).isTrue();
        after.remove("seccompDefault");
        assertThat(after).isEqualTo(YAML.readTree(original));
        assertThat(KubeletConfigFile.seccompDefault(edited, FILE)).isTrue();
    }

    @Test
    void aFeatureGateIsAddedBesideTheOnesAlreadyThere() throws Exception {
        String original = recorded("kubelet-config.yaml") + "featureGates:\n  KubeletInUserNamespace: true\n";
        ObjectNode after = (ObjectNode) YAML.readTree(KubeletConfigFile.withFeatureGate(original, "SeccompDefault", true, FILE));
        assertThat(after.path("featureGates").path("SeccompDefault").asBoolean()).isTrue();
        assertThat(after.path("featureGates").path("KubeletInUserNamespace").asBoolean()).isTrue();
    }

    @Test
    void turnsItOffAgain() throws Exception {
        String on = KubeletConfigFile.withSeccompDefault(recorded("kubelet-config.yaml"), true, FILE);
        assertThat(KubeletConfigFile.seccompDefault(KubeletConfigFile.withSeccompDefault(on, false, FILE), FILE)).isFalse();
    }

    @Test
    void aFileWithoutTheSettingMeansTheKubeletsDefaultWhichIsOff() throws Exception {
        assertThat(KubeletConfigFile.seccompDefault(recorded("kubelet-config.yaml"), FILE)).isFalse();
        assertThat(KubeletConfigFile.seccompDefault(KubeletConfigFile.fresh(), FILE)).isFalse();
    }

    @Test
    void aValueTheKubeletWouldNotTakeIsRefusedNamingTheFile() {
        String yaml = KubeletConfigFile.fresh() + "seccompDefault: \"yes\"\n";
        assertThatThrownBy(() -> KubeletConfigFile.seccompDefault(yaml, FILE))
                .isInstanceOf(LabEnvironmentException.class)
                .hasMessageStartingWith(FILE + ": seccompDefault is 'yes'")
                .hasMessageContaining("true or false");
    }

    @Test
    void refusesAFileThatIsNotAKubeletConfiguration() {
        assertThatThrownBy(() -> KubeletConfigFile.withSeccompDefault("kind: Pod\n", true, FILE))
                .isInstanceOf(LabEnvironmentException.class)
                .hasMessageStartingWith(FILE + " is not a KubeletConfiguration")
                .hasMessageContaining("kind: KubeletConfiguration");
    }

    @Test
    void brokenYamlIsRefusedWithItsLine() {
        assertThatThrownBy(() -> KubeletConfigFile.seccompDefault("kind: KubeletConfiguration\nseccompDefault: [true\n", FILE))
                .hasMessageStartingWith(FILE + " is not valid YAML at line ");
    }

    private static String recorded(String name) throws IOException {
        try (InputStream in = KubeletConfigFileTest.class.getResourceAsStream("/recorded/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
