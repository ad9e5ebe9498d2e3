package dev.seccomplab.environments.testing;

import dev.seccomplab.environments.Manifests;
import dev.seccomplab.environments.image.WorkloadImage;
import dev.seccomplab.environments.Workload;

/** Deployments of the lab's workload image with a given container securityContext, for tests. */
public final class TestDeployments {

    private TestDeployments() {
    }

    /** @param securityContextYaml lines under the container's {@code securityContext:}, indented by 12 */
    public static Workload withContainerSecurityContext(String name, String securityContextYaml) {
        String yaml = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: %s
                spec:
                  replicas: 1
                  selector:
                    matchLabels:
                      app: %s
                  template:
                    metadata:
                      labels:
                        app: %s
                    spec:
                      containers:
                        - name: workload
                          image: %s
                          imagePullPolicy: Never
                          securityContext:
                %s
                """.formatted(name, name, name, WorkloadImage.REFERENCE, securityContextYaml);
        return Manifests.parseWorkload(yaml, "test deployment " + name);
    }

    /** One PID namespace for the pod, and no seccompProfile. */
    public static Workload sharingProcessNamespace(String name) {
        Workload deployment = withContainerSecurityContext(name, "            {}");
        deployment.podSpec().setShareProcessNamespace(true);
        return deployment;
    }
}
