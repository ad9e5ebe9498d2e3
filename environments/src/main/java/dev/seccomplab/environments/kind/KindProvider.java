package dev.seccomplab.environments.kind;

import com.github.dockerjava.api.DockerClient;
import dev.seccomplab.environments.EnvironmentOptions;
import dev.seccomplab.environments.EnvironmentProvider;
import dev.seccomplab.environments.Finding;
import dev.seccomplab.environments.LabEnvironment;
import dev.seccomplab.environments.Progress;
import dev.seccomplab.environments.engine.DockerEngine;
import dev.seccomplab.environments.engine.LabContainerReaper;
import dev.seccomplab.environments.engine.PrivilegedProbe;
import dev.seccomplab.environments.kind.nodeimage.KindNodeImageBuild;
import java.util.List;
import java.util.Optional;

/** The kind environment: the first choice of {@code auto}, since a real kubelet decides there. */
public final class KindProvider implements EnvironmentProvider {

    @Override
    public String name() {
        return KindEnvironment.NAME;
    }

    @Override
    public Optional<Integer> autoRank() {
        return Optional.of(1);
    }

    @Override
    public Optional<String> whyNotHere(EnvironmentOptions options) {
        if (!DockerEngine.isAvailable()) {
            return Optional.of("it needs a Docker engine, and none answers");
        }
        DockerClient docker = DockerEngine.connect();
        KindNodeChoice node = KindOptions.in(options).node();
        String image = node.reference(docker);
        if (!DockerEngine.hasImage(docker, image)) {
            return Optional.of(node.image().isPresent()
                    ? "its node image " + image + " is not on the Docker engine"
                    : "no node image is on the Docker engine ('./lab kind build' makes "
                            + KindNodeImageBuild.reference("v" + node.version()) + " here)");
        }
        Optional<String> hostLimit = PrivilegedProbe.boundingSetLimit(docker)
                .map(limit -> "the kind node runs as a privileged container, and " + limit);
        if (hostLimit.isPresent() || KindNodeImageBuild.isLabImage(docker, image)) {
            return hostLimit;
        }
        return NodeRegistries.unreachable();
    }

    @Override
    public List<Finding> findings(EnvironmentOptions options) {
        if (!DockerEngine.isAvailable()) {
            return List.of(Finding.missing("kind", "needs a Docker engine, and none answers"));
        }
        DockerClient docker = DockerEngine.connect();
        KindNodeChoice choice = KindOptions.in(options).node();
        String image = choice.reference(docker);
        String subject = "kind " + choice.version();
        Finding node = KindReadiness.whyNot(docker, choice)
                .map(why -> Finding.missing(subject, why))
                .orElse(Finding.ok(subject, image + " is present"));
        if (KindNodeImageBuild.isLabImage(docker, image)) {
            return List.of(node, Finding.ok("kind: registry", image + " carries every image its node runs; no registry is needed"));
        }
        return List.of(node, NodeRegistries.unreachable()
                .map(why -> Finding.missing("kind: registry", why))
                .orElse(Finding.ok("kind: registry", "registry.k8s.io and Docker Hub answer (the node pulls its images from them)")));
    }

    /**
     * kind nodes are Docker containers with the lab's labels, which the docker provider removes with
     * their volumes. What is left here is a reused node's volume whose node was removed by hand.
     */
    @Override
    public List<String> removeAll(EnvironmentOptions options, Progress progress) {
        if (!DockerEngine.isAvailable()) {
            return List.of();
        }
        return new LabContainerReaper(DockerEngine.connect()).removeVolumeIfUnused(KindEnvironment.REUSE_VOLUME)
                .map(volume -> List.of("volume " + volume)).orElse(List.of());
    }

    /** The node image, its Debian bases and the node's CNI image: {@code lab kind build} makes them again. */
    @Override
    public List<String> removeImages(Progress progress) {
        return DockerEngine.isAvailable() ? DockerEngine.removeImages(DockerEngine.connect(), KindNodeImageBuild.REPOSITORY_PREFIX).stream()
                .map(tag -> "image " + tag).toList() : List.of();
    }

    @Override
    public LabEnvironment create(EnvironmentOptions options) {
        KindOptions kind = KindOptions.in(options);
        return new KindEnvironment(kind.node().version(), kind.node().reference(DockerEngine.connect()), options.localhostProfileRoot(),
                kind.reuse());
    }
}
