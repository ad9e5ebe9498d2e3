package dev.seccomplab.environments;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;

/** Turns manifest YAML into fabric8 model objects, with errors that name the manifest. */
public final class Manifests {

    private Manifests() {
    }

    /**
     * @param source where the YAML came from (a file or resource name), for the error message
     * @throws ManifestException if it is not YAML, not a Deployment, or lacks what the lab needs
     */
    public static Deployment parseDeployment(String yaml, String source) {
        Object parsed;
        try {
            parsed = Serialization.unmarshal(yaml);
        } catch (RuntimeException e) {
            throw new ManifestException(source, "is not valid Kubernetes YAML: " + firstLine(e.getMessage()));
        }
        if (!(parsed instanceof Deployment deployment)) {
            throw new ManifestException(source, "is a " + (parsed == null ? "empty document" : parsed.getClass().getSimpleName())
                    + "; the lab applies Deployments (apiVersion: apps/v1, kind: Deployment)");
        }
        if (deployment.getMetadata() == null || deployment.getMetadata().getName() == null) {
            throw new ManifestException(source, "has no metadata.name");
        }
        if (deployment.getSpec() == null || deployment.getSpec().getTemplate() == null
                || deployment.getSpec().getTemplate().getSpec() == null
                || deployment.getSpec().getTemplate().getSpec().getContainers().isEmpty()) {
            throw new ManifestException(source, "has no spec.template.spec.containers");
        }
        return deployment;
    }

    private static String firstLine(String message) {
        return message == null ? "(no detail)" : message.lines().findFirst().orElse("").strip();
    }

    /** A manifest the lab cannot use; the message starts with the manifest's name. */
    public static final class ManifestException extends LabEnvironmentException {
        public ManifestException(String source, String problem) {
            super(source + " " + problem);
        }
    }
}
