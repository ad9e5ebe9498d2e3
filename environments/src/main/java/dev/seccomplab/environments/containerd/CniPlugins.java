package dev.seccomplab.environments.containerd;

import java.nio.file.Path;

/**
 * The CNI plugins containerd's CRI calls to give each pod sandbox a network namespace of its own.
 *
 * @param binDirectory where the plugin programs are (Debian's containernetworking-plugins: /usr/lib/cni)
 * @param confDirectory where the network's configuration list is
 */
public record CniPlugins(Path binDirectory, Path confDirectory) {
}
