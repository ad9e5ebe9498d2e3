package dev.seccomplab.environments;

import com.dajudge.kindcontainer.KindContainerVersion;
import dev.seccomplab.environments.docker.DockerEngine;
import dev.seccomplab.environments.docker.DockerReadiness;
import dev.seccomplab.environments.kind.KindNodeImage;
import dev.seccomplab.environments.kind.KindReadiness;
import java.util.ArrayList;
import java.util.List;

/** Everything {@code lab doctor} reports: the docker environment, kind, and a kubeconfig for clusters. */
public final class Readiness {

    private Readiness() {
    }

    public static List<Finding> findings(KindContainerVersion kindVersion) {
        List<Finding> findings = new ArrayList<>(DockerReadiness.findings());
        if (DockerEngine.isAvailable()) {
            String subject = "kind " + kindVersion;
            findings.add(KindReadiness.whyNot(DockerEngine.connect(), kindVersion)
                    .map(why -> Finding.missing(subject, why))
                    .orElse(Finding.ok(subject, "can start: " + KindNodeImage.reference(kindVersion) + " is present")));
        }
        findings.add(Kubeconfig.finding());
        return findings;
    }
}
