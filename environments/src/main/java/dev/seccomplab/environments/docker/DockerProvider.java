package dev.seccomplab.environments.docker;

import dev.seccomplab.environments.engine.DockerEngine;
import dev.seccomplab.environments.image.WorkloadImage;
import dev.seccomplab.environments.engine.LabContainerReaper;
import dev.seccomplab.environments.EnvironmentOptions;
import dev.seccomplab.environments.EnvironmentProvider;
import dev.seccomplab.environments.Finding;
import dev.seccomplab.environments.LabEnvironment;
import dev.seccomplab.environments.Progress;
import dev.seccomplab.environments.kubelet.LabKubelet;
import java.util.List;
import java.util.Optional;

/** The docker environment: the last choice of {@code auto}, since the lab plays the kubelet and Docker is not a CRI runtime. */
public final class DockerProvider implements EnvironmentProvider {

    @Override
    public String name() {
        return DockerEnvironment.NAME;
    }

    @Override
    public Optional<Integer> autoRank() {
        return Optional.of(4);
    }

    @Override
    public Optional<String> whyNotHere(EnvironmentOptions options) {
        Optional<String> settings = DockerEngine.missingTestcontainersSettings(System.getenv());
        if (settings.isPresent()) {
            return settings;
        }
        return DockerEngine.isAvailable() ? Optional.empty()
                : Optional.of("no Docker engine answers (start one: on Debian as root, 'apt-get install docker.io' and 'dockerd &')");
    }

    @Override
    public List<Finding> findings(EnvironmentOptions options) {
        return DockerReadiness.findings();
    }

    @Override
    public List<String> removeAll(EnvironmentOptions options, Progress progress) {
        if (whyNotHere(options).isPresent()) {
            return List.of();
        }
        return new LabContainerReaper(DockerEngine.connect()).reapAll().stream().map(name -> "Docker container " + name).toList();
    }

    /** The workload image lives in this engine; the other environments import it from here. */
    @Override
    public List<String> removeImages(Progress progress) {
        return DockerEngine.isAvailable() ? DockerEngine.removeImages(DockerEngine.connect(), WorkloadImage.REPOSITORY + ":").stream()
                .map(tag -> "image " + tag).toList() : List.of();
    }

    @Override
    public LabEnvironment create(EnvironmentOptions options) {
        return new DockerEnvironment(new LabKubelet(options.kubeletConfig(), options.localhostProfileRoot(), false));
    }
}
