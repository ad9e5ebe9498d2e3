package dev.seccomplab.environments.local;

import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.host.SupervisedProcess;
import dev.seccomplab.environments.kubernetes.KubeletHost;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;

/**
 * The local cluster's one node, which is this host: its kubelet's file is edited in place, and the
 * kubelet restarted by the lab's supervisor, as systemd restarts a kubeadm node's.
 */
record LocalNode(LocalLayout layout) implements KubeletHost {

    static final String NAME = "lab-node";
    static final Duration RESTART_TIMEOUT = Duration.ofSeconds(30);

    @Override
    public String nodeName() {
        return NAME;
    }

    @Override
    public String configFile() {
        return layout.kubeletConfig().toString();
    }

    @Override
    public String readConfig() {
        try {
            return Files.readString(layout.kubeletConfig());
        } catch (IOException e) {
            throw new LabEnvironmentException("Cannot read the kubelet's configuration " + layout.kubeletConfig() + ": " + e, e);
        }
    }

    @Override
    public void writeConfig(String yaml) {
        try {
            Files.writeString(layout.kubeletConfig(), yaml);
        } catch (IOException e) {
            throw new LabEnvironmentException("Cannot write the kubelet's configuration " + layout.kubeletConfig() + ": " + e, e);
        }
    }

    @Override
    public String restartCommand() {
        return "TERM to the kubelet, which the lab's supervisor starts again (what 'systemctl restart kubelet' does on a kubeadm node)";
    }

    @Override
    public void restartKubelet() {
        SupervisedProcess.restart(layout.pidFile("kubelet"), kubeletMarker(layout), RESTART_TIMEOUT);
    }

    @Override
    public String recentLog() {
        return SupervisedProcess.tail(layout.log("kubelet"), 12) + "\n(all of it: " + layout.log("kubelet") + ")";
    }

    /** What only this cluster's kubelet has on its command line. */
    static String kubeletMarker(LocalLayout layout) {
        return "--root-dir=" + layout.kubeletRoot();
    }
}
