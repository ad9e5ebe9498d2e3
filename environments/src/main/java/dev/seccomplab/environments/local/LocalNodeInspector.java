package dev.seccomplab.environments.local;

import dev.seccomplab.environments.MainProcessStatus;
import dev.seccomplab.environments.RuntimeSeccompSpec;
import dev.seccomplab.environments.containerd.CriClient;
import dev.seccomplab.environments.kubernetes.NodeInspector;

/**
 * On the local node, as its administrator: the lab's own CRI client asks containerd what it handed
 * to runc (what {@code crictl inspect} prints), then the process's status file is read on this host.
 */
record LocalNodeInspector(CriClient cri) implements NodeInspector {

    @Override
    public RuntimeSeccompSpec runtimeSeccomp(String nodeName, String containerId) {
        return cri.containerInfo(containerId).runtimeSeccomp();
    }

    @Override
    public MainProcessStatus mainProcessStatus(String nodeName, String containerId) {
        return cri.containerInfo(containerId).mainProcessStatus("node " + nodeName);
    }
}
