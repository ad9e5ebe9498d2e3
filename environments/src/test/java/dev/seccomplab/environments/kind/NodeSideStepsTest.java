package dev.seccomplab.environments.kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.RuntimeSeccompSpec;
import dev.seccomplab.environments.profile.SeccompProfileSummary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The kind node's steps on files shaped like the real ones: a kubeadm-written kubelet config, and
 * {@code crictl inspect} output. They are written after those formats, not captured from a node here.
 */
class NodeSideStepsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void turnsSeccompDefaultOnAndKeepsEveryOtherSetting() throws Exception {
        String original = recorded("kubelet-config.yaml");
        String edited = KubeletConfigFile.withSeccompDefault(original, true);

        var before = YAML.readTree(original);
        var after = YAML.readTree(edited);
        assertThat(after.path("seccompDefault").asBoolean()).isTrue();
        ((com.fasterxml.jackson.databind.node.ObjectNode) after).remove("seccompDefault");
        assertThat(after).isEqualTo(before);
    }

    @Test
    void turnsItOffAgain() throws Exception {
        String on = KubeletConfigFile.withSeccompDefault(recorded("kubelet-config.yaml"), true);
        assertThat(YAML.readTree(KubeletConfigFile.withSeccompDefault(on, false)).path("seccompDefault").asBoolean()).isFalse();
    }

    @Test
    void refusesAFileThatIsNotAKubeletConfiguration() {
        assertThatThrownBy(() -> KubeletConfigFile.withSeccompDefault("kind: Pod\n", true))
                .isInstanceOf(LabEnvironmentException.class)
                .hasMessage("/var/lib/kubelet/config.yaml is not a KubeletConfiguration");
    }

    @Test
    void restartsTheKubeletWithSystemd() {
        assertThat(KubeletConfigFile.RESTART_KUBELET).containsExactly("systemctl", "restart", "kubelet");
    }

    @Test
    void importsIntoTheNamespaceTheKubeletsCriUses() {
        assertThat(ImageImport.IMPORT).startsWith("ctr", "--namespace=k8s.io", "images", "import").endsWith(ImageImport.NODE_TAR);
    }

    @Test
    void readsTheSeccompSectionOfCrictlInspect() throws Exception {
        RuntimeSeccompSpec spec = CrictlInspect.seccompOf(recorded("crictl-inspect.json"), "d7ebc42cadd5f");
        SeccompProfileSummary summary = spec.summary().orElseThrow();
        assertThat(spec.source()).isEqualTo("crictl inspect d7ebc42cadd5f | jq .info.runtimeSpec.linux.seccomp");
        assertThat(summary.defaultAction()).isEqualTo("SCMP_ACT_ERRNO");
        assertThat(summary.ruleEntries()).isEqualTo(6);
        assertThat(summary.distinctAllowedCount()).isEqualTo(5);
        assertThat(summary.verdictFor("keyctl")).isEqualTo(SeccompProfileSummary.Verdict.NOT_ALLOWED);
        assertThat(CrictlInspect.command("d7ebc42cadd5f")).containsExactly("crictl", "inspect", "d7ebc42cadd5f");
    }

    @Test
    void aPrivilegedContainersSpecHasNoSeccompSection() {
        RuntimeSeccompSpec spec = CrictlInspect.seccompOf("{\"info\": {\"runtimeSpec\": {\"linux\": {}}}}", "abc");
        assertThat(spec.seccomp()).isEmpty();
    }

    @Test
    void crictlWithoutVerboseInfoIsAnErrorThatSaysSo() {
        assertThatThrownBy(() -> CrictlInspect.seccompOf("{\"status\": {}}", "abc")).hasMessageContaining("no .info.runtimeSpec");
    }

    @Test
    void versionsAreNamedAsKubernetesNamesThem() {
        assertThat(KindNodeImage.version("1.34.0")).isEqualTo(KindNodeImage.newestVersion());
        assertThat(KindNodeImage.version("v1.34.0")).isEqualTo(KindNodeImage.newestVersion());
        assertThat(KindNodeImage.reference(KindNodeImage.newestVersion())).isEqualTo("kindest/node:v1.34.0");
        assertThatThrownBy(() -> KindNodeImage.version("1.99.0")).hasMessageStartingWith("unknown kind Kubernetes version '1.99.0'; known: ");
    }

    private static String recorded(String name) throws IOException {
        try (InputStream in = NodeSideStepsTest.class.getResourceAsStream("/recorded/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
