package dev.seccomplab.environments.kubelet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.seccomplab.environments.KubeletSettings;
import dev.seccomplab.environments.LabEnvironmentException;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * The kubelet's {@code KubeletConfiguration} file, the one a kubeadm node keeps at
 * {@code /var/lib/kubelet/config.yaml}: read for {@code seccompDefault}, and edited the way the
 * seed article says, keeping every other setting as it was.
 */
public final class KubeletConfigFile {

    /** Where kubeadm writes it on a node. */
    public static final String NODE_PATH = "/var/lib/kubelet/config.yaml";
    static final String API_VERSION = "kubelet.config.k8s.io/v1beta1";
    static final String KIND = "KubeletConfiguration";

    /** Strings stay quoted: minimised quotes would turn {@code "0"} into the number 0. */
    private static final ObjectMapper YAML = new ObjectMapper(
            new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));

    private KubeletConfigFile() {
    }

    /**
     * {@code seccompDefault} as the kubelet would read it: absent means the kubelet's default.
     *
     * @param file names the file in errors
     */
    public static boolean seccompDefault(String configYaml, String file) {
        JsonNode value = parse(configYaml, file).path("seccompDefault");
        if (value.isMissingNode() || value.isNull()) {
            return KubeletSettings.KUBELET_DEFAULT_SECCOMP_DEFAULT;
        }
        if (!value.isBoolean()) {
            throw new LabEnvironmentException(file + ": seccompDefault is '" + value.asText() + "', but the kubelet takes only "
                    + "true or false there. Fix that line, e.g. 'seccompDefault: true'.");
        }
        return value.booleanValue();
    }

    /** The same configuration with {@code seccompDefault} set; every other setting kept. */
    public static String withSeccompDefault(String configYaml, boolean seccompDefault, String file) {
        return edited(configYaml, file, config -> config.put("seccompDefault", seccompDefault));
    }

    /** The same configuration with one feature gate set; every other setting kept. */
    public static String withFeatureGate(String configYaml, String gate, boolean on, String file) {
        return edited(configYaml, file, config -> config.with("featureGates").put(gate, on));
    }

    private static String edited(String configYaml, String file, Consumer<ObjectNode> edit) {
        ObjectNode config = parse(configYaml, file);
        edit.accept(config);
        try {
            return YAML.writeValueAsString(config);
        } catch (IOException e) {
            throw new LabEnvironmentException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** What a fresh node has: the kubelet's defaults, {@code seccompDefault} not set. */
    public static String fresh() {
        return "# The lab's stand-in for a node's " + NODE_PATH + ".\n"
                + "# Edit it as you would on a node; the lab reads it each time it starts a pod.\n"
                + "apiVersion: " + API_VERSION + "\n"
                + "kind: " + KIND + "\n";
    }

    private static ObjectNode parse(String configYaml, String file) {
        JsonNode tree;
        try {
            tree = YAML.readTree(configYaml);
        } catch (IOException e) {
            String where = e instanceof JsonProcessingException p && p.getLocation() != null
                    ? " at line " + p.getLocation().getLineNr() : "";
            String what = e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage();
            throw new LabEnvironmentException(file + " is not valid YAML" + where + ": " + what, e);
        }
        if (!(tree instanceof ObjectNode config) || !KIND.equals(config.path("kind").asText())) {
            throw new LabEnvironmentException(file + " is not a KubeletConfiguration: it needs 'apiVersion: " + API_VERSION
                    + "' and 'kind: " + KIND + "' at the top level.");
        }
        return config;
    }
}
