package dev.seccomplab.environments.local;

import dev.seccomplab.environments.host.SupervisedProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a kubelet and containerd's CNI code write outside the folders they are given, whatever they
 * are told: the kubelet's device-plugin socket ({@code /var/lib/kubelet/device-plugins}, a constant
 * of the device-plugin API), its container log links ({@code /var/log/containers},
 * {@code DefaultContainerLogsDir}), and libcni's result cache ({@code /var/lib/cni}). The folders
 * that were not there before the start are noted in the cluster's folder, and removed again with
 * what the cluster put in the others.
 */
final class HostTraces {

    static final Path DEVICE_PLUGINS = Path.of("/var/lib/kubelet/device-plugins");
    static final Path CONTAINER_LOGS = Path.of("/var/log/containers");
    static final List<Path> FOLDERS = List.of(Path.of("/var/lib/kubelet"), DEVICE_PLUGINS, CONTAINER_LOGS,
            Path.of("/var/lib/cni"), Path.of("/var/lib/cni/results"));

    private HostTraces() {
    }

    /** Before the start: which of the folders this host does not have yet. */
    static void noteMissing(LocalLayout layout) {
        List<String> missing = FOLDERS.stream().filter(folder -> !Files.exists(folder)).map(Path::toString).toList();
        try {
            Files.write(layout.root().resolve("created-on-host"), missing);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + layout.root().resolve("created-on-host"), e);
        }
    }

    /** A kubelet running on this host that is not the local cluster's: its device-plugin socket is the same file. */
    static Optional<String> otherKubelet(LocalLayout layout) {
        String marker = LocalNode.kubeletMarker(layout);
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().command().map(command -> command.endsWith("/kubelet")).orElse(false))
                .filter(process -> !SupervisedProcess.commandLine(process.pid()).contains(marker))
                .findFirst()
                .map(process -> "pid " + process.pid() + " (" + process.info().command().orElse("kubelet") + ")");
    }

    /** Removes the cluster's links and socket, then the noted folders that are empty now; returns what it removed. */
    static List<String> remove(LocalLayout layout) {
        List<String> removed = new ArrayList<>();
        String root = layout.root().toAbsolutePath().toString();
        if (Files.isDirectory(CONTAINER_LOGS)) {
            try (Stream<Path> links = Files.list(CONTAINER_LOGS)) {
                links.filter(Files::isSymbolicLink).filter(link -> target(link).startsWith(root)).forEach(link -> delete(link, removed));
            } catch (IOException e) {
                // Nothing to list.
            }
        }
        Path socket = DEVICE_PLUGINS.resolve("kubelet.sock");
        if (Files.exists(socket) && otherKubelet(layout).isEmpty()) {
            delete(socket, removed);
        }
        noted(layout).stream().map(Path::of).sorted(Comparator.comparingInt(Path::getNameCount).reversed())
                .filter(HostTraces::isEmptyFolder).forEach(folder -> delete(folder, removed));
        return removed;
    }

    private static List<String> noted(LocalLayout layout) {
        try {
            return Files.readAllLines(layout.root().resolve("created-on-host"));
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String target(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "";
        }
    }

    private static boolean isEmptyFolder(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (IOException notAFolder) {
            return false;
        }
    }

    private static void delete(Path path, List<String> removed) {
        try {
            Files.deleteIfExists(path);
            removed.add(path.toString());
        } catch (IOException e) {
            // Still in use: left for 'lab down'.
        }
    }
}
