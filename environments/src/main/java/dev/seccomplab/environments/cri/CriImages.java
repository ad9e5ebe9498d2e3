package dev.seccomplab.environments.cri;

import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.containerd.CriClient;
import dev.seccomplab.environments.image.WorkloadImageArchive;
import io.fabric8.kubernetes.api.model.Container;

/**
 * Images for each container, as the kubelet's {@code EnsureImageExists}
 * ({@code pkg/kubelet/images/image_manager.go}) has them: look the image up, pull it when the policy
 * says so, and hand its id to CreateContainer.
 */
final class CriImages {

    private final CriClient cri;

    CriImages(CriClient cri) {
        this.cri = cri;
    }

    /** The kubelet's EnsureImageExists: the image id to create the container from. */
    String imageRefFor(Container container, String podName) {
        ImageReference image = new ImageReference(container.getImage());
        String policy = image.pullPolicy(container.getImagePullPolicy());
        String name = image.normalised();
        if (!"Always".equals(policy)) {
            var present = cri.imageStatus(name);
            if (present.isPresent()) {
                return present.get().getId();
            }
            if ("Never".equals(policy)) {
                throw new LabEnvironmentException("Pod " + podName + ", container " + container.getName() + ": ErrImageNeverPull: "
                        + "container image \"" + container.getImage() + "\" is not present with pull policy of Never. The lab "
                        + "loads only its own image, " + WorkloadImageArchive.NORMALISED_REFERENCE + "; use that one.");
            }
        }
        try {
            cri.pullImage(name);
        } catch (LabEnvironmentException e) {
            throw new LabEnvironmentException("Pod " + podName + ", container " + container.getName() + ": ErrImagePull: "
                    + "failed to pull \"" + container.getImage() + "\" (pull policy " + policy + "): " + e.getMessage()
                    + ". The lab's hosts reach no registry: use " + WorkloadImageArchive.NORMALISED_REFERENCE
                    + " with imagePullPolicy: Never.", e);
        }
        return cri.imageStatus(name).orElseThrow(() -> new LabEnvironmentException("Image " + name
                + " was pulled but the runtime does not list it")).getId();
    }
}
