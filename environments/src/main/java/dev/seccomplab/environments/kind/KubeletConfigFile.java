package dev.seccomplab.environments.kind;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.seccomplab.environments.LabEnvironmentException;
import java.io.IOException;

/**
 * The kubelet's {@code KubeletConfiguration} file on a kubeadm node, edited the way the seed
 * article says: set {@code seccompDefault} in {@code /var/lib/kubelet/config.yaml}, then restart
 * the kubelet. Every other setting is kept as it was.
 */
final class KubeletConfigFile {

    static final String PATH = "/var/lib/kubelet/config.yaml";
    static final String[] RESTART_KUBELET = {"systemctl", "restart", "kubelet"};

    /** Strings stay quoted: minimised quotes would turn {@code "0"} into the number 0. */
    private static final ObjectMapper YAML = new ObjectMapper(
            new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));

    private KubeletConfigFile() {
    }

    static String withSeccompDefault(String configYaml, boolean seccompDefault) {
        try {
            if (!(YAML.readTree(configYaml) instanceof ObjectNode config)
                    || !"KubeletConfiguration".equals(config.path("kind").asText())) {
                throw new LabEnvironmentException(PATH + " is not a KubeletConfiguration");
            }
            config.put("seccompDefault", seccompDefault);
            return YAML.writeValueAsString(config);
        } catch (IOException e) {
            throw new LabEnvironmentException(PATH + " is not valid YAML: " + e.getMessage(), e);
        }
    }
}
