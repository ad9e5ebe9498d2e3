package dev.seccomplab.environments.kubernetes;

import dev.seccomplab.environments.MainProcessStatus;
import dev.seccomplab.environments.NotApplicableException;
import dev.seccomplab.environments.RuntimeSeccompSpec;

/** What the lab can see on a node with a shell there: an environment's own way in. */
public interface NodeInspector {

    /** @param containerId the CRI container id, without its {@code containerd://} prefix */
    RuntimeSeccompSpec runtimeSeccomp(String nodeName, String containerId);

    /** {@code /proc/PID/status} of the container's main process, read on its node. */
    MainProcessStatus mainProcessStatus(String nodeName, String containerId);

    /** For clusters the lab has no shell on: both reads are not applicable, and say how to do them by hand. */
    static NodeInspector none(String environment) {
        return new NodeInspector() {
            @Override
            public RuntimeSeccompSpec runtimeSeccomp(String nodeName, String containerId) {
                throw new NotApplicableException("the " + environment + " environment has no shell on node " + nodeName
                        + ", so it cannot read the runtime spec of container " + containerId + ". Run 'crictl inspect "
                        + containerId + "' on that node, or use --env cri or kind");
            }

            @Override
            public MainProcessStatus mainProcessStatus(String nodeName, String containerId) {
                throw new NotApplicableException("the " + environment + " environment has no shell on node " + nodeName
                        + ", so it cannot read the status of container " + containerId + "'s process. On that node: "
                        + "crictl inspect " + containerId + " | grep '\"pid\"', then grep Seccomp /proc/PID/status");
            }
        };
    }
}
