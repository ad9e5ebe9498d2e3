package dev.seccomplab.environments.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seccomplab.environments.KubeletSettings;
import dev.seccomplab.environments.LabEnvironmentException;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;

/**
 * The kubelet's live configuration, read through the API server's node proxy
 * ({@code /api/v1/nodes/NODE/proxy/configz}), as {@code kubectl proxy} and {@code curl} would.
 */
public final class KubeletConfigz {

    private static final ObjectMapper JSON = new ObjectMapper();

    private KubeletConfigz() {
    }

    public static String path(String node) {
        return "/api/v1/nodes/" + node + "/proxy/configz";
    }

    /** {@code .kubeletconfig.seccompDefault}; a kubelet that does not print it uses false. */
    public static boolean seccompDefault(String configzJson) {
        try {
            JsonNode kubeletConfig = JSON.readTree(configzJson).path("kubeletconfig");
            if (kubeletConfig.isMissingNode()) {
                throw new LabEnvironmentException("configz has no kubeletconfig section: " + abbreviate(configzJson));
            }
            return kubeletConfig.path("seccompDefault").asBoolean(KubeletSettings.KUBELET_DEFAULT_SECCOMP_DEFAULT);
        } catch (IOException e) {
            throw new LabEnvironmentException("configz is not JSON: " + abbreviate(configzJson), e);
        }
    }

    public static boolean readSeccompDefault(KubernetesClient client, String node) {
        String body;
        try {
            body = client.raw(path(node));
        } catch (KubernetesClientException e) {
            throw new LabEnvironmentException("Cannot read " + path(node) + ": " + e.getMessage()
                    + ". Reading configz needs the nodes/proxy permission.", e);
        }
        if (body == null) {
            throw new LabEnvironmentException("The API server answered nothing for " + path(node)
                    + ": no node named " + node + ", or no permission for nodes/proxy.");
        }
        return seccompDefault(body);
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
