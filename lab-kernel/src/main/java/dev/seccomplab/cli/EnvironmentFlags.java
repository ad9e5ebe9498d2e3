package dev.seccomplab.cli;

import com.dajudge.kindcontainer.KindContainerVersion;
import dev.seccomplab.environments.EnvironmentChoice;
import dev.seccomplab.environments.EnvironmentOptions;
import dev.seccomplab.environments.cluster.ClusterOptions;
import dev.seccomplab.environments.cri.CriOptions;
import dev.seccomplab.environments.kind.KindNodeChoice;
import dev.seccomplab.environments.kind.KindOptions;
import dev.seccomplab.environments.kind.KindNodeImage;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The flags that shape an environment, shared by every command that starts or inspects one. */
final class EnvironmentFlags {

    /** picocli reads this marker as "no version given": the newest one Kindcontainer lists. */
    static final String NEWEST_KIND = "newest";

    @Option(names = "--seccomp-profiles", paramLabel = "DIR",
            description = "Directory of Localhost profiles where the lab plays the kubelet; stands for a node's "
                    + "/var/lib/kubelet/seccomp (default: seccomp under the lab's state directory). Scenarios install theirs here.")
    Path localhostProfiles;

    @Option(names = "--kubelet-config", paramLabel = "FILE",
            description = "The KubeletConfiguration the lab reads where it plays the kubelet (cri, docker); stands for a node's "
                    + "/var/lib/kubelet/config.yaml (default: config.yaml under the lab's state directory).")
    Path kubeletConfig;

    @Option(names = "--cri-socket", paramLabel = "PATH",
            description = "For --env cri: a running CRI runtime's socket, e.g. a node's /run/containerd/containerd.sock. "
                    + "Its node settings are then only read. Default: the lab starts a containerd of its own.")
    Path criSocket;

    @Option(names = "--kind-version", defaultValue = NEWEST_KIND,
            description = "Kubernetes version of the kind node, e.g. 1.34.0 (default: the newest Kindcontainer lists).")
    String kindVersion;

    @Option(names = "--kind-image", paramLabel = "IMAGE",
            description = "The kind node image, e.g. kindest/node:v1.34.0 (default: the lab's own seccomp-lab/kind-node of the "
                    + "version, made by './lab kind build', where Docker has it; else kindest/node of the version).")
    String kindImage;

    @Option(names = "--reuse", description = "Keep the kind cluster for the next run (Testcontainers reuse; also needs "
            + "testcontainers.reuse.enable=true in ~/.testcontainers.properties). Remove it with 'lab down'.")
    boolean reuse;

    @Option(names = "--context", description = "kubeconfig context for --env cluster (default: the current context).")
    String context;

    @Option(names = "--allow-privileged", description = "Let --env cluster create privileged pods (refused by default).")
    boolean allowPrivileged;

    EnvironmentOptions options() {
        EnvironmentOptions defaults = EnvironmentOptions.defaults();
        return defaults
                .withLocalhostProfileRoot(localhostProfiles == null ? defaults.localhostProfileRoot() : localhostProfiles)
                .withKubeletConfig(kubeletConfig == null ? defaults.kubeletConfig() : kubeletConfig)
                .with(CriOptions.defaults().withSocket(criSocket))
                .with(new KindOptions(new KindNodeChoice(kindVersion(kindVersion), Optional.ofNullable(kindImage)), reuse))
                .with(new ClusterOptions(context, allowPrivileged));
    }

    static KindContainerVersion kindVersion(String flag) {
        return NEWEST_KIND.equals(flag) ? KindNodeImage.newestVersion() : KindNodeImage.version(flag);
    }

    /** The values of {@code --env}, for picocli's help and completion. */
    static final class EnvironmentNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return EnvironmentChoice.names().iterator();
        }
    }
}
