package dev.seccomplab.environments.kind;

import com.dajudge.kindcontainer.KindContainerVersion;
import dev.seccomplab.environments.ExecResult;
import dev.seccomplab.environments.kubelet.KubeletConfigFile;
import dev.seccomplab.environments.kubernetes.KubeletHost;

/**
 * The kind node as its administrator reaches it: the kubeadm kubelet's file edited through
 * {@code docker exec}, and systemd's restart.
 */
record KindKubeletHost(NodeShell node, String nodeName, KindContainerVersion version) implements KubeletHost {

    static final String[] RESTART = {"systemctl", "restart", "kubelet"};
    /** {@code seccompDefault} went beta, and on by default as a feature, in Kubernetes 1.25. */
    static final int FIRST_MINOR_WITHOUT_GATE = 25;

    @Override
    public String configFile() {
        return "node " + nodeName + ":" + KubeletConfigFile.NODE_PATH;
    }

    @Override
    public String readConfig() {
        return node.read(KubeletConfigFile.NODE_PATH);
    }

    /** Kubelets before 1.25 read seccompDefault only with the SeccompDefault feature gate on; without it they stop. */
    @Override
    public void writeConfig(String yaml) {
        boolean gated = Integer.parseInt(version.toString().split("\\.")[1]) < FIRST_MINOR_WITHOUT_GATE;
        node.write(KubeletConfigFile.NODE_PATH, gated && KubeletConfigFile.seccompDefault(yaml, configFile())
                ? KubeletConfigFile.withFeatureGate(yaml, "SeccompDefault", true, configFile()) : yaml);
    }

    @Override
    public String restartCommand() {
        return String.join(" ", RESTART);
    }

    @Override
    public void restartKubelet() {
        node.run(RESTART);
    }

    @Override
    public String recentLog() {
        ExecResult journal = node.exec("journalctl", "-u", "kubelet", "-n", "12", "--no-pager");
        return journal.succeeded() ? journal.stdout() : "(journalctl on the node failed: " + journal.transcript() + ")";
    }
}
