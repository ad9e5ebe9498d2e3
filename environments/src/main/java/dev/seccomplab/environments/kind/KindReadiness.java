package dev.seccomplab.environments.kind;

import com.github.dockerjava.api.DockerClient;
import dev.seccomplab.environments.engine.DockerEngine;
import dev.seccomplab.environments.engine.PrivilegedProbe;
import dev.seccomplab.environments.image.WorkloadImage;
import java.util.Optional;

/** Whether a kind cluster can start on this engine, and if not, why. */
public final class KindReadiness {

    private KindReadiness() {
    }

    /** Empty when kind can start; otherwise the reason, with what to do. */
    public static Optional<String> whyNot(DockerClient docker, KindNodeChoice node) {
        String image = node.reference(docker);
        if (!DockerEngine.hasImage(docker, image)) {
            return Optional.of(KindNodeImage.missingMessage(image));
        }
        if (WorkloadImage.presentContentSha(docker).isEmpty()) {
            return Optional.of("cannot tell yet whether this engine runs privileged containers (kind nodes are): "
                    + "the probe uses the workload image, which 'lab run' builds");
        }
        return PrivilegedProbe.hostLimit(docker).map(limit -> "the kind node runs as a privileged container, and " + limit);
    }
}
