package dev.seccomplab.environments.cluster;

import dev.seccomplab.environments.EnvironmentOptions;
import dev.seccomplab.environments.EnvironmentProvider;
import dev.seccomplab.environments.Finding;
import dev.seccomplab.environments.Kubeconfig;
import dev.seccomplab.environments.LabEnvironment;
import dev.seccomplab.environments.Progress;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

/** The cluster environment: only on request, since the cluster is somebody else's. */
public final class ClusterProvider implements EnvironmentProvider {

    @Override
    public String name() {
        return ClusterEnvironment.NAME;
    }

    @Override
    public Optional<Integer> autoRank() {
        return Optional.empty();
    }

    @Override
    public Optional<String> whyNotHere(EnvironmentOptions options) {
        return Files.isReadable(Kubeconfig.location()) ? Optional.empty()
                : Optional.of("no kubeconfig at " + Kubeconfig.location());
    }

    @Override
    public List<Finding> findings(EnvironmentOptions options) {
        return List.of(Kubeconfig.finding());
    }

    /** Somebody else's cluster: the lab deletes its namespaces at each run's end and a killed run's at the next start, and touches nothing else. */
    @Override
    public List<String> removeAll(EnvironmentOptions options, Progress progress) {
        return List.of();
    }

    @Override
    public LabEnvironment create(EnvironmentOptions options) {
        ClusterOptions cluster = ClusterOptions.in(options);
        return new ClusterEnvironment(cluster.context(), cluster.allowPrivileged());
    }
}
