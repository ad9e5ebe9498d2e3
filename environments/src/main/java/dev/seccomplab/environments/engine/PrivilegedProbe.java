package dev.seccomplab.environments.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.HostConfig;
import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.LabLabels;
import dev.seccomplab.environments.image.WorkloadImage;
import java.util.Optional;

/**
 * Starts one short-lived privileged container: the only sure way to know whether this engine can
 * run privileged containers (the docker environment's privileged pods, and every kind node).
 */
public final class PrivilegedProbe {

    /**
     * The answer of the first probe: the host does not change while the lab runs, and doctor, auto
     * selection and the kind start would otherwise each start a probe container.
     */
    private static Optional<String> answer;

    private PrivilegedProbe() {
    }

    /** The host limit in words, or empty when privileged containers start here. Needs the workload image. */
    public static synchronized Optional<String> hostLimit(DockerClient docker) {
        if (answer == null) {
            answer = probe(docker);
        }
        return answer;
    }

    /**
     * The same answer foretold from this process's capability bounding set and the engine's
     * runtimes, starting nothing. It holds when the engine runs on this host, which is where the
     * lab looks for it.
     */
    public static Optional<String> boundingSetLimit(DockerClient docker) {
        return CapabilityBoundingSet.ofThisProcess()
                .filter(set -> !set.missing().isEmpty())
                .filter(set -> !PrivilegedRuntime.isRegistered(docker))
                .map(set -> PrivilegedHostLimit.describe("a privileged container", Optional.of(set)));
    }

    private static Optional<String> probe(DockerClient docker) {
        String id = docker.createContainerCmd(WorkloadImage.REFERENCE)
                .withLabels(LabLabels.forThisProcess())
                .withHostConfig(HostConfig.newHostConfig().withPrivileged(true)
                        .withRuntime(PrivilegedRuntime.forThisHost(docker).orElse(null)))
                .exec().getId();
        try {
            docker.startContainerCmd(id).exec();
            return Optional.empty();
        } catch (RuntimeException e) {
            if (PrivilegedHostLimit.matches(e)) {
                return Optional.of(PrivilegedHostLimit.describe("a privileged container", CapabilityBoundingSet.ofThisProcess()));
            }
            throw new LabEnvironmentException("The privileged probe container failed to start: " + e.getMessage(), e);
        } finally {
            docker.removeContainerCmd(id).withForce(true).exec();
        }
    }
}
