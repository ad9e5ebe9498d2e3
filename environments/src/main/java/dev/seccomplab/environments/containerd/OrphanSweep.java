package dev.seccomplab.environments.containerd;

import dev.seccomplab.environments.HostExecutables;
import dev.seccomplab.environments.host.HostCommand;
import dev.seccomplab.environments.host.HostMounts;
import dev.seccomplab.environments.host.SupervisedProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a lab containerd's work can leave outside its own bookkeeping when the lab is killed in the
 * middle of a RunPodSandbox: a container runc made, the shim that watches it, a mount. containerd
 * itself forgets such a half-made pod on its next start, so the lab removes them by where they
 * live: its own runc root, its own socket, its own directory.
 */
final class OrphanSweep {

    private static final Duration RUNC_TIMEOUT = Duration.ofSeconds(30);

    private OrphanSweep() {
    }

    /** Removes every container, shim and mount of the containerd in {@code directory}; returns what it removed. */
    static List<String> sweep(Path directory) {
        List<String> removed = new ArrayList<>();
        removed.addAll(deleteContainers(directory.resolve(ContainerdConfig.RUNC_ROOT)));
        removed.addAll(killShims(directory.resolve(ContainerdConfig.SOCKET)));
        removed.addAll(HostMounts.unmountBelow(directory).stream().map(mount -> "mount " + mount).toList());
        return removed;
    }

    /** containerd's runc shim keeps each namespace's containers in a directory of its own under the runtime's root. */
    private static List<String> deleteContainers(Path runcRoot) {
        Optional<Path> runc = HostExecutables.find("runc");
        if (runc.isEmpty() || !Files.isDirectory(runcRoot)) {
            return List.of();
        }
        List<Path> namespaceRoots;
        try (Stream<Path> entries = Files.list(runcRoot)) {
            namespaceRoots = entries.filter(Files::isDirectory).toList();
        } catch (IOException e) {
            return List.of();
        }
        List<String> removed = new ArrayList<>();
        for (Path root : namespaceRoots) {
            String list = HostCommand.of(runc.get().toString(), "--root", root.toString(), "list", "-q").timeout(RUNC_TIMEOUT).run().output();
            for (String id : list.lines().map(String::strip).filter(line -> !line.isEmpty()).toList()) {
                HostCommand.of(runc.get().toString(), "--root", root.toString(), "delete", "--force", id).timeout(RUNC_TIMEOUT).run();
                removed.add("container " + id.substring(0, Math.min(12, id.length())));
            }
        }
        return removed;
    }

    private static List<String> killShims(Path socket) {
        List<String> killed = new ArrayList<>();
        ProcessHandle.allProcesses().forEach(process -> {
            String cmdline = SupervisedProcess.commandLine(process.pid());
            if (cmdline.contains("containerd-shim") && cmdline.contains("-address " + socket + " ")) {
                process.destroyForcibly();
                killed.add("shim " + process.pid());
            }
        });
        return killed;
    }
}
