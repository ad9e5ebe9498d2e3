package dev.seccomplab.environments;

/**
 * {@code /proc/PID/status} of a container's own main process, read where the runtime runs it, as an
 * administrator would: {@code crictl inspect} for the PID, then the file on the node. Unlike
 * {@code /proc/1/status} inside the pod, this is the workload's process even when the pod shares
 * one PID namespace.
 *
 * @param text the status file's content
 * @param source how it was found and read, for the evidence
 */
public record MainProcessStatus(String text, String source) {
}
