package dev.seccomplab.environments.local;

import java.nio.file.Path;

/**
 * Where everything of the local cluster lives, below one folder: what kubeadm writes, each
 * program's log and pid file, etcd's data, the kubelet's root, the lab's containerd. Removing the
 * folder (after its programs and mounts) removes the cluster.
 */
record LocalLayout(Path root) {

    /** The name of the kubelet's cgroup root ({@code cgroupRoot}), below every cgroup controller's top. */
    static final String CGROUP_ROOT = "seccomp-lab-local";

    /** {@code host_pid} of the lab process that owns the cluster. Creating the folder is the lock; this file says whose it is. */
    Path ownerFile() {
        return root.resolve("owner");
    }

    /** Written once the node is Ready: a cluster another lab process may use. */
    Path readyFile() {
        return root.resolve("ready");
    }

    Path kubeadmConfig() {
        return root.resolve("kubeadm.yaml");
    }

    Path pki() {
        return root.resolve("pki");
    }

    Path kubeconfigs() {
        return root.resolve("kubeconfig");
    }

    /** The kubeconfig for people and for the lab: kubeadm's admin.conf. */
    Path adminKubeconfig() {
        return kubeconfigs().resolve("admin.conf");
    }

    /** kubeadm's generated files: the static Pod manifests whose commands the lab runs, the kubelet's flags and configuration. */
    Path generated() {
        return root.resolve("generated");
    }

    /** The kubelet's --root-dir, standing for a node's /var/lib/kubelet. */
    Path kubeletRoot() {
        return root.resolve("kubelet");
    }

    Path kubeletConfig() {
        return kubeletRoot().resolve("config.yaml");
    }

    /** The kubelet's seccomp directory: Localhost profiles are looked up below it. */
    Path seccompProfiles() {
        return kubeletRoot().resolve("seccomp");
    }

    Path containerd() {
        return root.resolve("containerd");
    }

    Path cniConfig() {
        return root.resolve("cni").resolve("net.d");
    }

    Path cniAddresses() {
        return root.resolve("cni").resolve("addresses");
    }

    Path log(String program) {
        return root.resolve("logs").resolve(program + ".log");
    }

    Path pidFile(String program) {
        return root.resolve("run").resolve(program + ".pid");
    }
}
