package dev.seccomplab.environments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ManifestsTest {

    @Test
    void parsesADeployment() {
        var deployment = Manifests.parseDeployment("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: no-seccomp}
                spec:
                  selector: {matchLabels: {app: no-seccomp}}
                  template:
                    metadata: {labels: {app: no-seccomp}}
                    spec:
                      containers: [{name: workload, image: seccomp-lab/workload:latest}]
                """, "no-seccomp.yaml");
        assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getName()).isEqualTo("workload");
    }

    @Test
    void brokenYamlIsNamedInOneLine() {
        assertThatThrownBy(() -> Manifests.parseDeployment("kind: Deployment\n  bad: [", "broken.yaml"))
                .isInstanceOf(Manifests.ManifestException.class)
                .hasMessageStartingWith("broken.yaml is not valid Kubernetes YAML")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void otherKindsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> Manifests.parseDeployment("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n", "pod.yaml"))
                .hasMessage("pod.yaml is a Pod; the lab applies Deployments (apiVersion: apps/v1, kind: Deployment)");
    }

    @Test
    void aDeploymentWithoutContainersIsRefused() {
        assertThatThrownBy(() -> Manifests.parseDeployment(
                "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {template: {spec: {containers: []}}}\n", "d.yaml"))
                .hasMessage("d.yaml has no spec.template.spec.containers");
    }
}
