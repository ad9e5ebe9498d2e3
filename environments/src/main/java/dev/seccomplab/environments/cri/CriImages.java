package dev.seccomplab.environments.cri;

import dev.seccomplab.environments.HostExecutables;
import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.Progress;
import dev.seccomplab.environments.image.WorkloadImageArchive;
import io.fabric8.kubernetes.api.model.Container;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Images on the CRI runtime: the workload image loaded without a registry, and, per container,
 * the kubelet's {@code EnsureImageExists} ({@code pkg/kubelet/images/image_manager.go}): look the
 * image up, pull it when the policy says so, and hand its id to CreateContainer.
 */
final class CriImages {

    private final CriClient cri;

    CriImages(CriClient cri) {
        this.cri = cri;
    }

    /**
     * Imports the workload image into containerd's {@code k8s.io} namespace with {@code ctr}, unless
     * the runtime already holds this very content.
     */
    void ensureWorkloadImage(Progress progress) {
        WorkloadImageArchive archive = WorkloadImageArchive.fromHost();
        String present = cri.imageStatus(WorkloadImageArchive.NORMALISED_REFERENCE)
                .map(dev.seccomplab.environments.cri.api.Image::getId).orElse("");
        if (present.equals(archive.imageId())) {
            progress.step("workload image " + WorkloadImageArchive.NORMALISED_REFERENCE + " is up to date in containerd");
            return;
        }
        long started = System.nanoTime();
        byte[] tar = archive.tar();
        progress.step("importing " + WorkloadImageArchive.NORMALISED_REFERENCE + " (" + tar.length / 1024
                + " KiB, built from this host's busybox and keyctl) into containerd's k8s.io namespace");
        importWithCtr(tar);
        progress.step("imported in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms");
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

    private void importWithCtr(byte[] tar) {
        String ctr = HostExecutables.find("ctr").map(Object::toString).orElseThrow(() -> new LabEnvironmentException(
                "Loading the workload image needs containerd's 'ctr' command, and this host has none. Install it with "
                        + "containerd (Debian: apt-get install containerd)."));
        ProcessBuilder command = new ProcessBuilder(ctr, "--address", cri.socket().toString(), "--namespace", "k8s.io",
                "images", "import", "-").redirectErrorStream(true);
        try {
            Process process = command.start();
            try (OutputStream in = process.getOutputStream()) {
                in.write(tar);
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new LabEnvironmentException("'" + String.join(" ", command.command()) + "' failed: " + output
                        + ". The endpoint " + cri.socket() + " must be containerd for the lab to load its image; otherwise "
                        + "load " + WorkloadImageArchive.NORMALISED_REFERENCE + " into that runtime yourself.");
            }
        } catch (IOException e) {
            throw new LabEnvironmentException("Cannot run " + ctr + " to load the workload image: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabEnvironmentException("Interrupted while loading the workload image", e);
        }
    }
}
