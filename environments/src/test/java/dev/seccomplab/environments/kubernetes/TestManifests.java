package dev.seccomplab.environments.kubernetes;

import dev.seccomplab.environments.Workload;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.Map;

/** Small Deployments shaped like the lab's manifests. */
public final class TestManifests {

    private TestManifests() {
    }

    public static Workload deployment(String name, boolean privileged) {
        return new Workload(new DeploymentBuilder()
                .withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withReplicas(1).withNewSelector().withMatchLabels(Map.of("app", name)).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(Map.of("app", name)).endMetadata()
                .withNewSpec().addNewContainer().withName("workload").withImage("seccomp-lab/workload:latest")
                .withImagePullPolicy("Never").withNewSecurityContext().withPrivileged(privileged).endSecurityContext()
                .endContainer().endSpec().endTemplate().endSpec().build());
    }
}
