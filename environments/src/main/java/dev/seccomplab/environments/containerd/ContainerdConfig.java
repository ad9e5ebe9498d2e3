package dev.seccomplab.environments.containerd;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The configuration of the lab's own containerd: a root, state and socket of its own beside any
 * other containerd on the host (Docker's among them), and its CRI plugin on.
 */
public final class ContainerdConfig {

    public static final String SOCKET = "containerd.sock";
    /** runc's state for this containerd's containers, apart from every other containerd's on the host. */
    static final String RUNC_ROOT = "runc";

    private ContainerdConfig() {
    }

    /**
     * @param directory where everything of this containerd lives
     * @param sandboxImage the image of every pod sandbox; the lab's workload image, since no pause image can be pulled
     * @param snapshotter overlayfs, or native where the directory is itself on overlayfs (a containerised host)
     * @param cni the pods' network plugins; without them pods share the node's network
     */
    static String render(Path directory, String sandboxImage, String snapshotter, Optional<CniPlugins> cni) {
        return String.join("\n",
                "# Written by Seccomp Lab for its own containerd; removed with it.",
                "version = 2",
                "root = " + quoted(directory.resolve("root")),
                "state = " + quoted(directory.resolve("state")),
                "",
                "[grpc]",
                "  address = " + quoted(directory.resolve(SOCKET)),
                "",
                "[plugins.\"io.containerd.internal.v1.opt\"]",
                "  path = " + quoted(directory.resolve("opt")),
                "",
                "[plugins.\"io.containerd.grpc.v1.cri\"]",
                "  sandbox_image = " + quoted(sandboxImage),
                "  # Pods may not lower their oom_score_adj below containerd's own. Lowering it needs",
                "  # CAP_SYS_RESOURCE, which some VMs lack; without this, every RunPodSandbox fails there.",
                "  restrict_oom_score_adj = true",
                "  # The CNI folders are the lab's, so that containerd creates nothing in /etc/cni or /opt/cni;",
                "  # where they hold no plugins, pods use the node's network.",
                "  [plugins.\"io.containerd.grpc.v1.cri\".cni]",
                "    bin_dir = " + quoted(cni.map(CniPlugins::binDirectory).orElse(directory.resolve("cni-bin"))),
                "    conf_dir = " + quoted(cni.map(CniPlugins::confDirectory).orElse(directory.resolve("cni-conf"))),
                "  [plugins.\"io.containerd.grpc.v1.cri\".containerd]",
                "    snapshotter = " + quoted(snapshotter),
                "    default_runtime_name = \"runc\"",
                "    [plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc]",
                "      runtime_type = \"io.containerd.runc.v2\"",
                "      [plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc.options]",
                "        # runc keeps its state here, so that the lab can find every container of this",
                "        # containerd, even one that a killed run left half made.",
                "        Root = " + quoted(directory.resolve(RUNC_ROOT)),
                "");
    }

    private static String quoted(Object value) {
        return "\"" + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
