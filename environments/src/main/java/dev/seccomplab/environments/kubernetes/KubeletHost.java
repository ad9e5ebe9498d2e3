package dev.seccomplab.environments.kubernetes;

/**
 * The machine a kubelet runs on, as an administrator reaches it: its configuration file, and the
 * command that restarts it. A kind node is reached with {@code docker exec}; the local cluster's
 * node is this host.
 */
public interface KubeletHost {

    String nodeName();

    /** Where the kubelet's KubeletConfiguration is, in words, e.g. {@code node kind:/var/lib/kubelet/config.yaml}. */
    String configFile();

    String readConfig();

    void writeConfig(String yaml);

    /** What restarting it is here, e.g. {@code systemctl restart kubelet}. */
    String restartCommand();

    void restartKubelet();

    /** The kubelet's last log lines, or how to see them, for an error. */
    String recentLog();
}
