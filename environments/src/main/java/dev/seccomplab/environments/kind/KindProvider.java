package dev.seccomplab.environments.kind;

import dev.seccomplab.environments.EnvironmentOptions;
import dev.seccomplab.environments.EnvironmentProvider;
import dev.seccomplab.environments.Finding;
import dev.seccomplab.environments.LabEnvironment;
import dev.seccomplab.environments.Progress;
import dev.seccomplab.environments.docker.DockerEngine;
import dev.seccomplab.environments.docker.LabContainerReaper;
import dev.seccomplab.environments.docker.PrivilegedProbe;
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
        if (!KindNodeImage.isPresent(DockerEngine.connect(), options.kindVersion())) {
            return Optional.of("its node image " + KindNodeImage.reference(options.kindVersion()) + " is not on the Docker engine");
        }
        Optional<String> hostLimit = PrivilegedProbe.boundingSetLimit()
                .map(limit -> "the kind node runs as a privileged container, and " + limit);
        return hostLimit.isPresent() ? hostLimit : ControlPlaneRegistry.unreachable();
    }

    @Override
    public List<Finding> findings(EnvironmentOptions options) {
        if (!DockerEngine.isAvailable()) {
            return List.of(Finding.missing("kind", "needs a Docker engine, and none answers"));
        }
        String subject = "kind " + options.kindVersion();
        return List.of(KindReadiness.whyNot(DockerEngine.connect(), options.kindVersion())
                        .map(why -> Finding.missing(subject, why))
                        .orElse(Finding.ok(subject, KindNodeImage.reference(options.kindVersion()) + " is present")),
                ControlPlaneRegistry.unreachable()
                        .map(why -> Finding.missing("kind: registry", why))
                        .orElse(Finding.ok("kind: registry", ControlPlaneRegistry.HOST + " answers (kubeadm pulls the "
                                + "control-plane images from it)")));
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

    @Override
    public LabEnvironment create(EnvironmentOptions options) {
        return new KindEnvironment(options.kindVersion(), options.localhostProfileRoot(), options.reuseKind());
    }
}
