package dev.seccomplab.environments.kind;

import dev.seccomplab.environments.EnvironmentOptions;
import dev.seccomplab.environments.EnvironmentProvider;
import dev.seccomplab.environments.Finding;
import dev.seccomplab.environments.LabEnvironment;
import dev.seccomplab.environments.Progress;
import dev.seccomplab.environments.docker.DockerEngine;
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
        return PrivilegedProbe.boundingSetLimit().map(limit -> "the kind node runs as a privileged container, and " + limit);
    }

    @Override
    public List<Finding> findings(EnvironmentOptions options) {
        if (!DockerEngine.isAvailable()) {
            return List.of(Finding.missing("kind", "needs a Docker engine, and none answers"));
        }
        String subject = "kind " + options.kindVersion();
        return List.of(KindReadiness.whyNot(DockerEngine.connect(), options.kindVersion())
                .map(why -> Finding.missing(subject, why))
                .orElse(Finding.ok(subject, "can start: " + KindNodeImage.reference(options.kindVersion()) + " is present")));
    }

    /** kind nodes are Docker containers with the lab's labels: the docker provider removes them. */
    @Override
    public List<String> removeAll(EnvironmentOptions options, Progress progress) {
        return List.of();
    }

    @Override
    public LabEnvironment create(EnvironmentOptions options) {
        return new KindEnvironment(options.kindVersion(), options.localhostProfileRoot(), options.reuseKind());
    }
}
