package dev.seccomplab.environments.kind;

import com.dajudge.kindcontainer.KindContainerVersion;
import com.github.dockerjava.api.DockerClient;
import dev.seccomplab.environments.kind.nodeimage.KindNodeImageBuild;
import java.util.Optional;

/**
 * Which node image a kind cluster starts from: the one named with {@code --kind-image}; else the
 * lab's own of the version ({@code ./lab kind build}) where Docker has it; else
 * {@code kindest/node} of the version.
 *
 * @param version the Kubernetes version, which also chooses Kindcontainer's kubeadm configuration
 */
public record KindNodeChoice(KindContainerVersion version, Optional<String> image) {

    public static KindNodeChoice newest() {
        return new KindNodeChoice(KindNodeImage.newestVersion(), Optional.empty());
    }

    public KindNodeChoice withVersion(KindContainerVersion newVersion) {
        return new KindNodeChoice(newVersion, image);
    }

    public KindNodeChoice withImage(Optional<String> newImage) {
        return new KindNodeChoice(version, newImage);
    }

    public String reference(DockerClient docker) {
        if (image.isPresent()) {
            return image.get();
        }
        String labs = KindNodeImageBuild.reference("v" + version);
        return KindNodeImageBuild.isLabImage(docker, labs) ? labs : KindNodeImage.reference(version);
    }
}
