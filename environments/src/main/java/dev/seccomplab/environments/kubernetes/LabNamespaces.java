package dev.seccomplab.environments.kubernetes;

import dev.seccomplab.environments.LabLabels;
import dev.seccomplab.environments.RandomSuffix;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The lab's namespaces: one per scenario run, labelled so that leftovers can be found. */
public final class LabNamespaces {

    private static final int MAX_NAME = 63;

    private LabNamespaces() {
    }

    /** @param moreLabels beside the lab's own, e.g. a Pod Security Standard to enforce */
    public static Namespace create(KubernetesClient client, String workspace, Map<String, String> moreLabels) {
        String suffix = "-" + RandomSuffix.next();
        String base = "seccomp-lab-" + workspace;
        String name = base.substring(0, Math.min(base.length(), MAX_NAME - suffix.length())) + suffix;
        Map<String, String> labels = new HashMap<>(LabLabels.forThisProcess());
        labels.put(LabLabels.WORKSPACE, workspace);
        labels.putAll(moreLabels);
        Namespace namespace = new NamespaceBuilder().withNewMetadata().withName(name).withLabels(labels).endMetadata().build();
        return client.namespaces().resource(namespace).create();
    }

    public static void delete(KubernetesClient client, String namespace) {
        client.namespaces().withName(namespace).withGracePeriod(0).delete();
    }

    /** Deletes namespaces whose lab process on this host is gone; returns their names. */
    public static List<String> reapLeftovers(KubernetesClient client) {
        List<String> leftovers = client.namespaces().withLabel(LabLabels.MANAGED, "true").list().getItems().stream()
                .filter(ns -> LabLabels.ownerIsGone(ns.getMetadata().getLabels().get(LabLabels.OWNER)))
                .map(ns -> ns.getMetadata().getName())
                .toList();
        leftovers.forEach(name -> delete(client, name));
        return leftovers;
    }
}
