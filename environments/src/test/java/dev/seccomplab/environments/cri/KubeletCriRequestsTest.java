package dev.seccomplab.environments.cri;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seccomplab.environments.cri.KubeletCriRequests.PodIdentity;
import dev.seccomplab.environments.containerd.api.ContainerConfig;
import dev.seccomplab.environments.containerd.api.NamespaceMode;
import dev.seccomplab.environments.containerd.api.PodSandboxConfig;
import dev.seccomplab.environments.containerd.api.SecurityProfile.ProfileType;
import dev.seccomplab.environments.kubelet.LabKubelet;
import dev.seccomplab.environments.rules.ChosenProfile;
import dev.seccomplab.environments.testing.TestDeployments;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pod spec → CRI request mapping, field by field, as the kubelet makes it. */
class KubeletCriRequestsTest {

    private static final PodIdentity POD = new PodIdentity("p-x7k2q", "seccomp-lab-test", "0b6c5f4e-uid");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "container={0} pod={1} seccompDefault={2} -> {3}")
    @CsvSource(nullValues = "-", value = {
            "-,              -,              false, Unconfined",
            "-,              -,              true,  RuntimeDefault",
            "-,              RuntimeDefault, false, RuntimeDefault",
            "Unconfined,     RuntimeDefault, true,  Unconfined",
            "RuntimeDefault, Unconfined,     false, RuntimeDefault",
    })
    void theContainerGetsContainerThenPodThenTheKubeletDefault(String containerType, String podType, boolean seccompDefault,
                                                                ProfileType expected) throws Exception {
        PodSpec pod = pod(containerType == null ? "            {}"
                : "            seccompProfile:\n              type: " + containerType, podType);
        ContainerConfig config = container(pod, seccompDefault);
        assertThat(config.getLinux().getSecurityContext().getSeccomp().getProfileType()).isEqualTo(expected);
    }

    @Test
    void theSandboxIsAskedForRuntimeDefaultWhateverThePodSays() {
        PodSpec pod = pod("            {}", "Unconfined");
        PodSandboxConfig sandbox = KubeletCriRequests.sandbox(POD, pod, Map.of("app", "p"), Map.of("dev.seccomplab.managed", "true"));
        assertThat(sandbox.getLinux().getSecurityContext().getSeccomp().getProfileType()).isEqualTo(ProfileType.RuntimeDefault);
        assertThat(sandbox.getLinux().getSecurityContext().getPrivileged()).isFalse();
        assertThat(sandbox.getMetadata().getName()).isEqualTo("p-x7k2q");
        assertThat(sandbox.getMetadata().getUid()).isEqualTo("0b6c5f4e-uid");
        assertThat(sandbox.getLabelsMap()).containsEntry("app", "p").containsEntry("dev.seccomplab.managed", "true")
                .containsEntry(KubeletCriRequests.POD_NAME_LABEL, "p-x7k2q")
                .containsEntry(KubeletCriRequests.POD_NAMESPACE_LABEL, "seccomp-lab-test")
                .containsEntry(KubeletCriRequests.POD_UID_LABEL, "0b6c5f4e-uid");
        assertThat(sandbox.getHostname()).as("a host-network sandbox takes no hostname").isEmpty();
    }

    @Test
    void privilegedIsPassedThroughWithTheChosenProfileForTheRuntimeToDecide() {
        PodSpec pod = pod("            privileged: true\n            seccompProfile:\n              type: RuntimeDefault", null);
        ContainerConfig config = container(pod, false);
        assertThat(config.getLinux().getSecurityContext().getPrivileged()).isTrue();
        assertThat(config.getLinux().getSecurityContext().getSeccomp().getProfileType()).isEqualTo(ProfileType.RuntimeDefault);
        PodSandboxConfig sandbox = KubeletCriRequests.sandbox(POD, pod, Map.of(), Map.of());
        assertThat(sandbox.getLinux().getSecurityContext().getPrivileged()).isTrue();
    }

    @Test
    void aLocalhostProfileIsSentAsAPathUnderTheKubeletsSeccompDirectory() {
        PodSpec pod = pod("            seccompProfile:\n              type: Localhost\n              localhostProfile: profiles/deny.json", null);
        ContainerConfig config = container(pod, false);
        assertThat(config.getLinux().getSecurityContext().getSeccomp().getProfileType()).isEqualTo(ProfileType.Localhost);
        assertThat(config.getLinux().getSecurityContext().getSeccomp().getLocalhostRef())
                .isEqualTo(dir.resolve("seccomp/profiles/deny.json").toAbsolutePath().toString());
    }

    @Test
    void eachContainerHasItsOwnPidNamespaceUnlessThePodSharesOne() {
        PodSpec own = pod("            {}", null);
        assertThat(KubeletCriRequests.namespaces(own).getPid()).isEqualTo(NamespaceMode.CONTAINER);
        own.setShareProcessNamespace(true);
        assertThat(KubeletCriRequests.namespaces(own).getPid()).isEqualTo(NamespaceMode.POD);
        own.setHostPID(true);
        assertThat(KubeletCriRequests.namespaces(own).getPid()).isEqualTo(NamespaceMode.NODE);
        assertThat(KubeletCriRequests.namespaces(own).getNetwork()).as("the lab has no CNI").isEqualTo(NamespaceMode.NODE);
        assertThat(container(own, false).getLinux().getSecurityContext().getNamespaceOptions().getPid())
                .isEqualTo(NamespaceMode.NODE);
    }

    @Test
    void theContainerCarriesItsNameImageRefAndTheKubeletsLabels() {
        PodSpec pod = pod("            {}", null);
        ContainerConfig config = container(pod, false);
        assertThat(config.getMetadata().getName()).isEqualTo("workload");
        assertThat(config.getImage().getImage()).isEqualTo("sha256:0123");
        assertThat(config.getImage().getUserSpecifiedImage()).isEqualTo("seccomp-lab/workload:latest");
        assertThat(config.getLabelsMap()).containsEntry(KubeletCriRequests.CONTAINER_NAME_LABEL, "workload")
                .containsEntry(KubeletCriRequests.POD_UID_LABEL, "0b6c5f4e-uid");
    }

    private ContainerConfig container(PodSpec pod, boolean seccompDefault) {
        try {
            if (seccompDefault) {
                java.nio.file.Files.writeString(dir.resolve("config.yaml"),
                        "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nseccompDefault: true\n");
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        LabKubelet kubelet = new LabKubelet(dir.resolve("config.yaml"), dir.resolve("seccomp"), false);
        Container container = pod.getContainers().get(0);
        ChosenProfile profile = kubelet.choose(pod, container);
        return KubeletCriRequests.container(POD, pod, container, profile, kubelet::localhostProfilePath, "sha256:0123");
    }

    private static PodSpec pod(String containerSecurityContext, String podType) {
        PodSpec pod = TestDeployments.withContainerSecurityContext("p", containerSecurityContext).podSpec();
        if (podType != null) {
            pod.setSecurityContext(new PodSecurityContextBuilder().withSeccompProfile(new SeccompProfile(null, podType)).build());
        }
        return pod;
    }
}
