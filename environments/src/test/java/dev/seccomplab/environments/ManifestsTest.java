package dev.seccomplab.environments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestsTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: no-seccomp}
            spec:
              selector: {matchLabels: {app: no-seccomp}}
              template:
                metadata: {labels: {app: no-seccomp}}
                spec:
                  containers: [{name: workload, image: seccomp-lab/workload:latest}]
            """;
    private static final String POD = """
            apiVersion: v1
            kind: Pod
            metadata: {name: audit-pod, labels: {app: audit}}
            spec:
              securityContext:
                seccompProfile: {type: Localhost, localhostProfile: profiles/audit.json}
              containers: [{name: test-container, image: seccomp-lab/workload:latest}]
            """;

    @Test
    void parsesADeploymentAndItsPodSpec() {
        Workload workload = Manifests.parseWorkload(DEPLOYMENT, "no-seccomp.yaml");
        assertThat(workload.kind()).isEqualTo("Deployment");
        assertThat(workload.podSpec().getContainers().get(0).getName()).isEqualTo("workload");
        assertThat(workload.podLabels()).containsEntry("app", "no-seccomp");
    }

    @Test
    void parsesAPodAsCksTasksWriteThem() {
        Workload workload = Manifests.parseWorkload(POD, "audit-pod.yaml");
        assertThat(workload.kind()).isEqualTo("Pod");
        assertThat(workload.name()).isEqualTo("audit-pod");
        assertThat(workload.podSpec().getSecurityContext().getSeccompProfile().getLocalhostProfile()).isEqualTo("profiles/audit.json");
        assertThat(workload.inNamespace("x").object().getMetadata().getNamespace()).isEqualTo("x");
    }

    @Test
    void takesEveryDocumentOfAMultiDocumentFile() {
        List<Workload> workloads = Manifests.parseWorkloads(POD + "---\n" + DEPLOYMENT + "---\n", "both.yaml");
        assertThat(workloads).extracting(Workload::name).containsExactly("audit-pod", "no-seccomp");
        assertThatThrownBy(() -> Manifests.parseWorkload(POD + "---\n" + DEPLOYMENT, "both.yaml"))
                .hasMessage("both.yaml holds 2 objects; one Pod or Deployment is expected here");
    }

    @Test
    void brokenYamlIsNamedInOneLineWithItsLine() {
        assertThatThrownBy(() -> Manifests.parseWorkloads("kind: Deployment\n  bad: [", "broken.yaml"))
                .isInstanceOf(Manifests.ManifestException.class)
                .hasMessageStartingWith("broken.yaml is not valid Kubernetes YAML (line ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void otherKindsAreRefusedNamingTheDocument() {
        assertThatThrownBy(() -> Manifests.parseWorkloads(POD + "---\napiVersion: v1\nkind: Service\nmetadata: {name: s}\n", "mixed.yaml"))
                .hasMessage("mixed.yaml (document 2) is a Service; the lab runs Pods (apiVersion: v1, kind: Pod) and "
                        + "Deployments (apiVersion: apps/v1, kind: Deployment)");
    }

    @Test
    void aWorkloadWithoutContainersIsRefused() {
        assertThatThrownBy(() -> Manifests.parseWorkload(
                "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {template: {spec: {containers: []}}}\n", "d.yaml"))
                .hasMessage("d.yaml has no spec.template.spec.containers");
        assertThatThrownBy(() -> Manifests.parseWorkload("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n", "p.yaml"))
                .hasMessage("p.yaml has no spec.containers");
    }
}
