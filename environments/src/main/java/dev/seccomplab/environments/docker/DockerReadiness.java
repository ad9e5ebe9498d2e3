package dev.seccomplab.environments.docker;

import dev.seccomplab.environments.engine.DockerEngine;
import dev.seccomplab.environments.engine.PrivilegedProbe;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Version;
import dev.seccomplab.environments.Finding;
import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.image.WorkloadBuildContext;
import dev.seccomplab.environments.image.WorkloadImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the docker environment needs on this host, looked at without changing anything but a probe container. */
public final class DockerReadiness {

    private DockerReadiness() {
    }

    public static List<Finding> findings() {
        List<Finding> findings = new ArrayList<>();
        Optional<String> settings = DockerEngine.missingTestcontainersSettings(System.getenv());
        if (settings.isPresent()) {
            findings.add(Finding.missing("Testcontainers settings", settings.get()));
            return findings;
        }
        findings.add(Finding.ok("Testcontainers settings", "Ryuk disabled; the lab reaps its own containers by label"));
        DockerClient docker;
        try {
            docker = DockerEngine.connect();
        } catch (LabEnvironmentException e) {
            findings.add(Finding.missing("Docker engine", e.getMessage()));
            return findings;
        }
        Version version = docker.versionCmd().exec();
        findings.add(Finding.ok("Docker engine", "version " + version.getVersion() + ", API " + version.getApiVersion()));
        findings.add(workloadImage(docker));
        findings.add(privilegedContainers(docker));
        return findings;
    }

    private static Finding workloadImage(DockerClient docker) {
        String wanted;
        try {
            wanted = WorkloadBuildContext.fromHost().contentSha256();
        } catch (LabEnvironmentException e) {
            return Finding.missing("workload image", e.getMessage());
        }
        Optional<String> present = WorkloadImage.presentContentSha(docker);
        if (present.isEmpty()) {
            return new Finding("workload image", Finding.Status.INFO,
                    WorkloadImage.REFERENCE + " not built yet; 'lab run' builds it from this host's busybox and keyctl");
        }
        return present.get().equals(wanted)
                ? Finding.ok("workload image", WorkloadImage.REFERENCE + " is up to date")
                : new Finding("workload image", Finding.Status.INFO,
                        WorkloadImage.REFERENCE + " is older than this host's busybox/keyctl; 'lab run' rebuilds it");
    }

    private static Finding privilegedContainers(DockerClient docker) {
        if (WorkloadImage.presentContentSha(docker).isEmpty()) {
            return new Finding("privileged containers", Finding.Status.INFO, "not probed: the workload image is not built yet");
        }
        return PrivilegedProbe.hostLimit(docker)
                .map(limit -> new Finding("privileged containers", Finding.Status.HOST_LIMIT, limit))
                .orElse(Finding.ok("privileged containers", "this engine can start them"));
    }
}
