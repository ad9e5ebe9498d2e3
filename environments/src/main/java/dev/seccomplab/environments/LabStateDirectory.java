package dev.seccomplab.environments;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the lab keeps what outlives one run, such as the KubeletConfiguration a trainee edits:
 * {@code SECCOMP_LAB_STATE_DIR} when set, {@code /var/lib/seccomp-lab} for root (like a node's
 * {@code /var/lib/kubelet}), else {@code $XDG_STATE_HOME/seccomp-lab}.
 */
public final class LabStateDirectory {

    private LabStateDirectory() {
    }

    public static Path resolve() {
        return resolve(System.getenv(), isRoot(), System.getProperty("user.home"));
    }

    static Path resolve(Map<String, String> environment, boolean root, String home) {
        String explicit = environment.get("SECCOMP_LAB_STATE_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        if (root) {
            return Path.of("/var/lib/seccomp-lab");
        }
        String xdg = environment.get("XDG_STATE_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".local", "state")).resolve("seccomp-lab");
    }

    /** The lab's kubelet configuration: the stand-in for a node's /var/lib/kubelet/config.yaml. */
    public static Path kubeletConfig() {
        return resolve().resolve("kubelet").resolve("config.yaml");
    }

    /** The lab's kubelet seccomp directory: the stand-in for a node's /var/lib/kubelet/seccomp. */
    public static Path seccompProfiles() {
        return resolve().resolve("kubelet").resolve("seccomp");
    }

    /** Upstream Kubernetes and etcd built or downloaded here, one folder per version: they outlive every run. */
    public static Path kubernetesBinaries() {
        return resolve().resolve("kubernetes");
    }

    /** Where the cri environment's own containerds live, one directory each: volatile, like a node's /run/containerd. */
    public static Path containerdRuns() {
        return Path.of("/run/seccomp-lab/containerd");
    }

    /** The local environment's one cluster: its certificates, etcd, kubelet and containerd. Volatile, like a node's /run. */
    public static Path localCluster() {
        return Path.of("/run/seccomp-lab/local");
    }

    public static boolean isRoot() {
        return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    }
}
