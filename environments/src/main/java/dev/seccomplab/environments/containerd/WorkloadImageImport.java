package dev.seccomplab.environments.containerd;

import dev.seccomplab.environments.HostExecutables;
import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.Progress;
import dev.seccomplab.environments.containerd.api.Image;
import dev.seccomplab.environments.host.HostCommand;
import dev.seccomplab.environments.image.WorkloadImageArchive;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The workload image loaded into a containerd without a registry: {@code ctr images import} into
 * the {@code k8s.io} namespace, where the CRI, and so a kubelet, finds it, unless the runtime
 * already holds this very content.
 */
public final class WorkloadImageImport {

    static final Duration IMPORT_TIMEOUT = Duration.ofMinutes(2);

    private WorkloadImageImport() {
    }

    public static void ensure(CriClient cri, Progress progress) {
        WorkloadImageArchive archive = WorkloadImageArchive.fromHost();
        String present = cri.imageStatus(WorkloadImageArchive.NORMALISED_REFERENCE).map(Image::getId).orElse("");
        if (present.equals(archive.imageId())) {
            progress.step("workload image " + WorkloadImageArchive.NORMALISED_REFERENCE + " is up to date in containerd");
            return;
        }
        long started = System.nanoTime();
        byte[] tar = archive.tar();
        progress.step("importing " + WorkloadImageArchive.NORMALISED_REFERENCE + " (" + tar.length / 1024
                + " KiB, built from this host's busybox and keyctl) into containerd's k8s.io namespace");
        String ctr = HostExecutables.find("ctr").map(Object::toString).orElseThrow(() -> new LabEnvironmentException(
                "Loading the workload image needs containerd's 'ctr' command, and this host has none. Install it with "
                        + "containerd (Debian: apt-get install containerd)."));
        HostCommand command = HostCommand.of(ctr, "--address", cri.socket().toString(), "--namespace", "k8s.io", "images", "import", "-")
                .input(tar).timeout(IMPORT_TIMEOUT);
        HostCommand.Result result = command.run();
        if (!result.succeeded()) {
            throw new LabEnvironmentException("'" + String.join(" ", command.command()) + "' failed: " + result.output().strip()
                    + ". The endpoint " + cri.socket() + " must be containerd for the lab to load its image; otherwise "
                    + "load " + WorkloadImageArchive.NORMALISED_REFERENCE + " into that runtime yourself.");
        }
        progress.step("imported in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms");
    }
}
