package dev.seccomplab.environments.kind.nodeimage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import dev.seccomplab.environments.LabLabels;
import dev.seccomplab.environments.binaries.KubernetesBinaries;
import dev.seccomplab.environments.engine.DockerEngine;
import dev.seccomplab.environments.host.HostCommand;
import dev.seccomplab.environments.testing.Requirement;
import dev.seccomplab.environments.testing.RequiresDocker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The node image that './lab kind build' made (CI builds it before the tests): a second build is
 * a cache hit, and the image holds what kubeadm will ask for, under kubeadm's names, and the
 * version it says.
 */
@ExtendWith(RequiresDocker.class)
class KindNodeImageBuildIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private DockerClient docker;
    private KindNodeImageBuild build;

    @BeforeEach
    void needsTheImage() {
        docker = DockerEngine.connect();
        build = KindNodeImageBuild.onThisHost(docker);
        if (!DockerEngine.hasImage(docker, build.reference())) {
            Requirement.skip("SECCOMP_LAB_REQUIRE_KIND", build.reference() + " is not here; './lab kind build' makes it");
        }
    }

    @Test
    void aSecondBuildIsACacheHit() {
        List<String> steps = new ArrayList<>();
        long started = System.nanoTime();

        build.ensure(steps::add);

        assertThat(steps).anyMatch(step -> step.startsWith("kind node image " + build.reference() + " is up to date"))
                .noneMatch(step -> step.startsWith("building"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMinutes(1));
        assertThat(KindNodeImageBuild.isLabImage(docker, build.reference())).isTrue();
    }

    @Test
    void itCarriesKubeadmsImagesUnderKubeadmsNamesAndSaysItsVersion() throws Exception {
        KubernetesBinaries binaries = KubernetesBinaries.inStateDirectory();
        List<String> kubeadmWants = HostCommand.of(binaries.binary("kubeadm").toString(), "config", "images", "list",
                "--kubernetes-version", binaries.version()).timeout(Duration.ofSeconds(60)).runOrThrow().lines()
                .map(String::strip).filter(line -> !line.isEmpty() && !line.contains("coredns")).toList();

        // A plain container of the image, its entrypoint (systemd) replaced: only its files are looked at.
        try (GenericContainer<?> node = new GenericContainer<>(DockerImageName.parse(build.reference()))
                .withImagePullPolicy(name -> false)
                .withLabels(LabLabels.forThisProcess())
                .withCreateContainerCmdModifier(cmd -> cmd.withEntrypoint("sleep", "infinity"))) {
            node.start();
            List<String> tags = new ArrayList<>();
            for (JsonNode image : JSON.readTree(node.execInContainer("tar", "-xOf", "/kind/images/images.tar", "manifest.json").getStdout())) {
                image.path("RepoTags").forEach(tag -> tags.add(tag.asText()));
            }

            assertThat(tags).containsAll(kubeadmWants).contains(ComponentImages.cniImage(binaries.version()));
            assertThat(node.execInContainer("cat", "/kind/version").getStdout()).isEqualTo(binaries.version());
            assertThat(node.execInContainer("/usr/bin/kubelet", "--version").getStdout().strip()).isEqualTo("Kubernetes " + binaries.version());
        }
    }
}
