package dev.seccomplab.environments.kind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.MainProcessStatus;
import dev.seccomplab.environments.RuntimeSeccompSpec;
import dev.seccomplab.environments.kubernetes.NodeInspector;
import java.io.IOException;
import java.util.Optional;

/**
 * On the kind node, as an administrator would with containerd's own client, which every node image
 * has (crictl is not in every one: Debian does not package it): {@code ctr containers info} for
 * the OCI runtime spec containerd handed to runc, {@code ctr tasks ls} for the PID of the
 * container's main process, then that process's status file.
 */
final class KindNodeInspector implements NodeInspector {

    /** The containerd namespace of the kubelet's containers. */
    static final String NAMESPACE = "k8s.io";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final NodeShell node;

    KindNodeInspector(NodeShell node) {
        this.node = node;
    }

    @Override
    public RuntimeSeccompSpec runtimeSeccomp(String nodeName, String containerId) {
        String[] command = containerInfo(containerId);
        String source = String.join(" ", command);
        try {
            JsonNode spec = JSON.readTree(node.run(command)).path("Spec");
            if (spec.isMissingNode()) {
                throw new LabEnvironmentException(source + " on node " + nodeName + " printed no Spec");
            }
            return RuntimeSeccompSpec.of(spec, source + " .Spec.linux.seccomp on node " + nodeName);
        } catch (IOException e) {
            throw new LabEnvironmentException(source + " on node " + nodeName + " did not print JSON: " + e.getMessage(), e);
        }
    }

    @Override
    public MainProcessStatus mainProcessStatus(String nodeName, String containerId) {
        String[] command = tasks();
        long pid = pidIn(node.run(command), containerId).orElseThrow(() -> new LabEnvironmentException(String.join(" ", command)
                + " on node " + nodeName + " lists no running task " + containerId + "; has the container's process exited?"));
        String status = "/proc/" + pid + "/status";
        return new MainProcessStatus(node.read(status), "PID " + pid + " of task " + containerId + " from " + String.join(" ", command)
                + ", then " + status + " on node " + nodeName, Optional.of(node.run("readlink", "/proc/" + pid + "/ns/pid").strip()));
    }

    static String[] containerInfo(String containerId) {
        return new String[] {"ctr", "--namespace", NAMESPACE, "containers", "info", containerId};
    }

    static String[] tasks() {
        return new String[] {"ctr", "--namespace", NAMESPACE, "tasks", "ls"};
    }

    /** From {@code ctr tasks ls}: a header, then one "TASK PID STATUS" line per task. */
    static java.util.OptionalLong pidIn(String tasksList, String containerId) {
        return tasksList.lines()
                .map(line -> line.strip().split("\\s+"))
                .filter(fields -> fields.length >= 3 && fields[0].equals(containerId) && fields[2].equals("RUNNING"))
                .mapToLong(fields -> Long.parseLong(fields[1]))
                .findFirst();
    }
}
