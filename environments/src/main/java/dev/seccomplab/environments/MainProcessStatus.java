package dev.seccomplab.environments;

import java.util.Optional;

/**
 * {@code /proc/PID/status} of a container's own main process, read where the runtime runs it, as an
 * administrator would: {@code crictl inspect} for the PID, then the file on the node. Unlike
 * {@code /proc/1/status} inside the pod, this is the workload's process even when the pod shares
 * one PID namespace.
 *
 * @param text the status file's content
 * @param source how it was found and read, for the evidence
 * @param pidNamespace the target of {@code /proc/PID/ns/pid} ({@code pid:[4026532327]}), which names
 *     the namespace kernel-wide: empty where the lab read the status from inside the pod
 */
public record MainProcessStatus(String text, String source, Optional<String> pidNamespace) {
}
