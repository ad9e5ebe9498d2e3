package dev.seccomplab.environments.kind;

import dev.seccomplab.environments.MainProcessStatus;
import dev.seccomplab.environments.RuntimeSeccompSpec;
import dev.seccomplab.environments.containerd.CriContainerInfo;
import dev.seccomplab.environments.kubernetes.NodeInspector;

/** On the kind node, as an administrator would: {@code crictl inspect}, then the process's status file. */
final class KindNodeInspector implements NodeInspector {

    private final NodeShell node;

    KindNodeInspector(NodeShell node) {
        this.node = node;
    }

    @Override
    public RuntimeSeccompSpec runtimeSeccomp(String nodeName, String containerId) {
        return inspect(containerId).runtimeSeccomp();
    }

    @Override
    public MainProcessStatus mainProcessStatus(String nodeName, String containerId) {
        long pid = inspect(containerId).pid();
        String status = "/proc/" + pid + "/status";
        return new MainProcessStatus(node.read(status),
                "PID " + pid + " from crictl inspect " + containerId + " .info.pid, then " + status + " on node " + nodeName);
    }

    private CriContainerInfo inspect(String containerId) {
        return CriContainerInfo.ofCrictlInspect(node.run(command(containerId)), "crictl inspect " + containerId);
    }

    static String[] command(String containerId) {
        return new String[] {"crictl", "inspect", containerId};
    }
}
