package dev.seccomplab.environments.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import java.util.Map;
import java.util.Optional;

/**
 * The runtime a privileged container names on this engine. Where the host's bounding set is
 * complete, the engine's default. Where it is not, Docker before 23 asks runc for capabilities the
 * host lacks (moby#42933), and {@code scripts/runc-bounded}, registered by
 * {@code scripts/ensure-host.sh} as {@value #NAME}, asks only for those the host has, as Docker 23
 * does. The container is still privileged in Docker's eyes, so Docker's own rules decide the rest:
 * its seccomp profile above all.
 */
public final class PrivilegedRuntime {

    public static final String NAME = "seccomp-lab-runc";

    private PrivilegedRuntime() {
    }

    /** Empty for the engine's default runtime. */
    public static Optional<String> forThisHost(DockerClient docker) {
        if (CapabilityBoundingSet.ofThisProcess().map(set -> set.missing().isEmpty()).orElse(true)) {
            return Optional.empty();
        }
        return isRegistered(docker) ? Optional.of(NAME) : Optional.empty();
    }

    /** Names the runtime in a privileged container's create command; leaves the others alone. */
    public static void apply(DockerClient docker, CreateContainerCmd command) {
        forThisHost(docker).ifPresent(runtime -> command.getHostConfig().withRuntime(runtime));
    }

    public static boolean isRegistered(DockerClient docker) {
        Map<String, ?> runtimes = docker.infoCmd().exec().getRuntimes();
        return runtimes != null && runtimes.containsKey(NAME);
    }
}
