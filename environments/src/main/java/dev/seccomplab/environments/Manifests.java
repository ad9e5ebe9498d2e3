package dev.seccomplab.environments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Turns manifest YAML into the workloads the lab runs, with errors that name the manifest and the document. */
public final class Manifests {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Manifests() {
    }

    /**
     * Every document of the YAML, each a Pod or a Deployment, as {@code kubectl apply -f} takes them.
     *
     * @param source where the YAML came from (a file or resource name), for the error message
     * @throws ManifestException if it is not YAML, holds another kind, or lacks what the lab needs
     */
    public static List<Workload> parseWorkloads(String yaml, String source) {
        List<JsonNode> documents = documents(yaml, source);
        List<Workload> workloads = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            String where = documents.size() == 1 ? source : source + " (document " + (i + 1) + ")";
            workloads.add(workload(documents.get(i), where));
        }
        if (workloads.isEmpty()) {
            throw new ManifestException(source, "holds no Kubernetes object");
        }
        return workloads;
    }

    /** A workload as YAML, as {@code kubectl get -o yaml} would show what the lab applies. */
    public static String toYaml(Workload workload) {
        return Serialization.asYaml(workload.object());
    }

    /** The one workload of a single-document manifest. */
    public static Workload parseWorkload(String yaml, String source) {
        List<Workload> workloads = parseWorkloads(yaml, source);
        if (workloads.size() != 1) {
            throw new ManifestException(source, "holds " + workloads.size() + " objects; one Pod or Deployment is expected here");
        }
        return workloads.get(0);
    }

    private static List<JsonNode> documents(String yaml, String source) {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> iterator = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (iterator.hasNextValue()) {
                JsonNode document = iterator.nextValue();
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    documents.add(document);
                }
            }
        } catch (IOException | RuntimeException e) {
            String line = e instanceof JsonProcessingException p && p.getLocation() != null
                    ? " (line " + p.getLocation().getLineNr() + ")" : "";
            throw new ManifestException(source, "is not valid Kubernetes YAML" + line + ": " + firstLine(
                    e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage()));
        }
        return documents;
    }

    private static Workload workload(JsonNode document, String where) {
        Object parsed;
        try {
            parsed = Serialization.unmarshal(YAML.writeValueAsString(document));
        } catch (IOException | RuntimeException e) {
            throw new ManifestException(where, "is not a Kubernetes object the lab knows: " + firstLine(e.getMessage()));
        }
        if (!(parsed instanceof Pod) && !(parsed instanceof Deployment)) {
            throw new ManifestException(where, "is a " + (parsed instanceof HasMetadata object ? object.getKind()
                    : parsed == null ? "empty document" : parsed.getClass().getSimpleName())
                    + "; the lab runs Pods (apiVersion: v1, kind: Pod) and Deployments (apiVersion: apps/v1, kind: Deployment)");
        }
        HasMetadata object = (HasMetadata) parsed;
        if (object.getMetadata() == null || object.getMetadata().getName() == null) {
            throw new ManifestException(where, "has no metadata.name");
        }
        Workload workload = new Workload(object);
        if (workload.podSpec() == null || workload.podSpec().getContainers().isEmpty()) {
            throw new ManifestException(where, "has no " + (parsed instanceof Pod ? "spec.containers" : "spec.template.spec.containers"));
        }
        return workload;
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
