package dev.seccomplab.environments.kubelet;

import dev.seccomplab.environments.LabEnvironmentException;
import java.nio.file.Path;

/**
 * The kubelet's seccomp directory ({@code /var/lib/kubelet/seccomp} on a node) and the paths under
 * it. The kubelet joins the directory with a Pod spec's {@code localhostProfile}; the API server
 * accepts only descending paths there, and with no API server the lab refuses the others itself.
 */
public final class SeccompDirectory {

    private SeccompDirectory() {
    }

    public static Path resolve(Path root, String localhostProfile) {
        Path normalisedRoot = root.toAbsolutePath().normalize();
        Path file = normalisedRoot.resolve(localhostProfile).normalize();
        if (!file.startsWith(normalisedRoot) || file.equals(normalisedRoot)) {
            throw new LabEnvironmentException("localhostProfile " + localhostProfile + " leaves the seccomp directory "
                    + normalisedRoot + "; Kubernetes only accepts a descending path below it.");
        }
        return file;
    }
}
