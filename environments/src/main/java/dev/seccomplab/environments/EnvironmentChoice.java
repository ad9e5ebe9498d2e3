package dev.seccomplab.environments;

import com.github.dockerjava.api.DockerClient;
import dev.seccomplab.environments.cluster.ClusterEnvironment;
import dev.seccomplab.environments.docker.DockerEngine;
import dev.seccomplab.environments.docker.DockerEnvironment;
import dev.seccomplab.environments.image.WorkloadImage;
import dev.seccomplab.environments.kind.KindEnvironment;
import dev.seccomplab.environments.kind.KindNodeImage;
import dev.seccomplab.environments.kind.KindReadiness;
import java.util.Optional;

/** The environments a user can ask for by name, and how {@code auto} picks one. */
public enum EnvironmentChoice {
    AUTO, DOCKER, KIND, CLUSTER;

    /** A chosen environment, with the reason it was chosen, to print before a run. */
    public record Selection(LabEnvironment environment, String reason) {
    }

    public Selection select(EnvironmentOptions options) {
        return switch (this) {
            case DOCKER -> new Selection(docker(options), "asked for with --env docker");
            case KIND -> new Selection(kind(options), "asked for with --env kind");
            case CLUSTER -> new Selection(new ClusterEnvironment(options.context(), options.allowPrivileged()),
                    "asked for with --env cluster");
            case AUTO -> auto(options);
        };
    }

    /** kind when it can start here (its node image is present and privileged containers run), else docker. */
    private static Selection auto(EnvironmentOptions options) {
        if (!DockerEngine.isAvailable()) {
            return new Selection(docker(options), "auto: docker, the only choice without a kind cluster; no engine answers yet");
        }
        DockerClient docker = DockerEngine.connect();
        if (KindNodeImage.isPresent(docker, options.kindVersion())) {
            // Either environment needs it, and the privileged probe runs on it.
            WorkloadImage.ensurePresent(docker, Progress.SILENT);
        }
        Optional<String> whyNotKind = KindReadiness.whyNot(docker, options.kindVersion());
        return whyNotKind
                .map(why -> new Selection(docker(options), "auto: docker, because kind cannot start here: " + why))
                .orElseGet(() -> new Selection(kind(options),
                        "auto: kind, since its node image is present and this engine runs privileged containers"));
    }

    private static LabEnvironment docker(EnvironmentOptions options) {
        return new DockerEnvironment(options.localhostProfileRoot());
    }

    private static LabEnvironment kind(EnvironmentOptions options) {
        return new KindEnvironment(options.kindVersion(), options.localhostProfileRoot(), options.reuseKind());
    }
}
