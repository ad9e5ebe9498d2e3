package dev.seccomplab.environments.kind;

import dev.seccomplab.environments.Progress;
import dev.seccomplab.environments.containerd.ContainerdSnapshotter;
import dev.seccomplab.environments.image.WorkloadImageArchive;

/**
 * Loads the workload image into the kind node's containerd, as {@code kind load image-archive}
 * does: {@code ctr --namespace=k8s.io images import} with the snapshotter the CRI uses. The
 * archive is made by the lab (no Docker save, no registry) and copied to the node's root file
 * system first: Kindcontainer mounts tmpfs on the node's /tmp and /run, and Docker's archive API
 * writes beneath such a mount, where the running node does not see the file.
 */
final class ImageImport {

    static final String NODE_ARCHIVE = "/var/lib/seccomp-lab/workload-image.tar";

    private ImageImport() {
    }

    static void load(NodeShell node, WorkloadImageArchive archive, Progress progress) {
        String snapshotter = ContainerdSnapshotter.parse(node.run(ContainerdSnapshotter.CONFIG_DUMP));
        byte[] tar = archive.tar();
        progress.step("copying the workload image (" + tar.length / 1024 + " KiB) into the node and importing it into "
                + "containerd (namespace k8s.io, snapshotter " + snapshotter + ")");
        node.write(NODE_ARCHIVE, tar, 0644);
        try {
            node.run(command(snapshotter));
        } finally {
            node.run("rm", "-f", NODE_ARCHIVE);
        }
    }

    static String[] command(String snapshotter) {
        return new String[] {"ctr", "--namespace=k8s.io", "images", "import", "--all-platforms", "--digests",
                "--snapshotter=" + snapshotter, NODE_ARCHIVE};
    }
}
