package dev.seccomplab.environments;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Map;
import java.util.Optional;

/**
 * What the lab runs: a Pod, or a Deployment (of which it runs one pod), as the manifest wrote it.
 * The Kubernetes environments apply the object itself; the others run its pod spec.
 */
public record Workload(HasMetadata object) {

    public Workload {
        if (!(object instanceof Pod) && !(object instanceof Deployment)) {
            throw new IllegalArgumentException("a workload is a Pod or a Deployment, not a " + object.getKind());
        }
    }

    public String kind() {
        return object.getKind();
    }

    public String name() {
        return object.getMetadata().getName();
    }

    /**
     * The name of the pod it runs where the lab makes the pod itself: a Pod's own name, or a
     * Deployment's with a random suffix, as its ReplicaSet would name it.
     */
    public String podName() {
        return object instanceof Pod ? name() : name() + "-" + RandomSuffix.next();
    }

    /** The pod spec it runs, or null where the manifest has none. */
    public PodSpec podSpec() {
        if (object instanceof Pod pod) {
            return pod.getSpec();
        }
        Deployment deployment = (Deployment) object;
        return deployment.getSpec() == null || deployment.getSpec().getTemplate() == null ? null
                : deployment.getSpec().getTemplate().getSpec();
    }

    /** The labels its pod carries. */
    public Map<String, String> podLabels() {
        ObjectMeta metadata = object instanceof Pod pod ? pod.getMetadata() : ((Deployment) object).getSpec().getTemplate().getMetadata();
        // Both are checked by Manifests before a workload is made; a template's metadata may still be absent.
        return Optional.ofNullable(metadata).map(ObjectMeta::getLabels).orElse(Map.of());
    }

    /** The same workload, to be created in another namespace. */
    public Workload inNamespace(String namespace) {
        HasMetadata copy = object instanceof Pod pod
                ? new io.fabric8.kubernetes.api.model.PodBuilder(pod).editMetadata().withNamespace(namespace).endMetadata().build()
                : new io.fabric8.kubernetes.api.model.apps.DeploymentBuilder((Deployment) object)
                        .editMetadata().withNamespace(namespace).endMetadata().build();
        return new Workload(copy);
    }

    @Override
    public String toString() {
        return kind() + " " + name();
    }
}
