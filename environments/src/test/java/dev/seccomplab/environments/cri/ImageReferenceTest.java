package dev.seccomplab.environments.cri;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageReferenceTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "busybox,                         docker.io/library/busybox:latest",
            "seccomp-lab/workload:latest,     docker.io/seccomp-lab/workload:latest",
            "seccomp-lab/workload,            docker.io/seccomp-lab/workload:latest",
            "registry.k8s.io/pause:3.10,      registry.k8s.io/pause:3.10",
            "localhost:5000/app,              localhost:5000/app:latest",
            "localhost/app:v1,                localhost/app:v1",
            "ghcr.io/o/app@sha256:abc,        ghcr.io/o/app@sha256:abc",
    })
    void normalisesAsRuntimesStoreNames(String written, String normalised) {
        assertThat(new ImageReference(written).normalised()).isEqualTo(normalised);
    }

    @ParameterizedTest(name = "{0} with policy ''{1}'' -> {2}")
    @CsvSource({
            "seccomp-lab/workload:latest, '',           Always",
            "seccomp-lab/workload,        '',           Always",
            "registry.k8s.io/pause:3.10,  '',           IfNotPresent",
            "localhost:5000/app,          '',           Always",
            "app@sha256:abc,              '',           IfNotPresent",
            "seccomp-lab/workload:latest, Never,        Never",
            "busybox:1.36,                Always,       Always",
    })
    void pullPolicyIsTheSpecsOrTheApiServersDefault(String image, String policy, String expected) {
        assertThat(new ImageReference(image).pullPolicy(policy)).isEqualTo(expected);
    }
}
