package dev.seccomplab.environments.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A cgroup of the lab's own below the top of every cgroup hierarchy of this host (each v1
 * controller, and the unified v2 tree): a kubelet's {@code cgroupRoot}. Everything a kubelet starts
 * lands below it, so a killed run's containers can be found and stopped there even when their
 * runtime is gone.
 */
public final class HostCgroups {

    static final Path CGROUP_FS = Path.of("/sys/fs/cgroup");

    private HostCgroups() {
    }

    /** Makes {@code name} in every hierarchy (the kubelet refuses a cgroupRoot that is missing in one it uses). */
    public static void create(String name) {
        for (Path hierarchy : hierarchies()) {
            try {
                Files.createDirectories(hierarchy.resolve(name));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("Cannot create the cgroup " + hierarchy.resolve(name)
                        + " (the local cluster needs root and a writable /sys/fs/cgroup)", e);
            }
        }
    }

    /** Kills every process below {@code name}, then removes its cgroups, deepest first; returns the pids it killed. */
    public static List<Long> removeAll(String name) {
        Set<Long> killed = new TreeSet<>();
        for (int round = 0; round < 5; round++) {
            Set<Long> found = processesBelow(name);
            if (found.isEmpty()) {
                break;
            }
            found.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
            killed.addAll(found);
            sleep(200);
        }
        for (Path hierarchy : hierarchies()) {
            Path top = hierarchy.resolve(name);
            if (!Files.isDirectory(top)) {
                continue;
            }
            try (Stream<Path> tree = Files.walk(top)) {
                tree.filter(Files::isDirectory).sorted(Comparator.comparingInt(Path::getNameCount).reversed()).forEach(cgroup -> {
                    try {
                        Files.delete(cgroup);
                    } catch (IOException stillBusy) {
                        // A process that is still dying keeps its cgroup a moment longer; the next clean-up takes it.
                    }
                });
            } catch (IOException e) {
                // Gone meanwhile.
            }
        }
        return new ArrayList<>(killed);
    }

    /** Whether {@code name} is there in any hierarchy. */
    public static boolean exists(String name) {
        return hierarchies().stream().anyMatch(hierarchy -> Files.isDirectory(hierarchy.resolve(name)));
    }

    /** The pids in {@code cgroup.procs} of every cgroup below {@code name}, in any hierarchy. */
    public static Set<Long> processesBelow(String name) {
        Set<Long> pids = new TreeSet<>();
        for (Path hierarchy : hierarchies()) {
            Path top = hierarchy.resolve(name);
            if (!Files.isDirectory(top)) {
                continue;
            }
            try (Stream<Path> tree = Files.walk(top)) {
                tree.filter(path -> path.getFileName().toString().equals("cgroup.procs")).forEach(procs -> {
                    try {
                        Files.readAllLines(procs).stream().map(String::strip).filter(line -> !line.isEmpty())
                                .map(Long::parseLong).forEach(pids::add);
                    } catch (IOException | NumberFormatException gone) {
                        // The cgroup went away while it was read.
                    }
                });
            } catch (IOException e) {
                // Gone meanwhile.
            }
        }
        return pids;
    }

    /** Every mounted hierarchy: /sys/fs/cgroup itself on a v2-only host, else its controllers and the unified tree. */
    static List<Path> hierarchies() {
        if (Files.exists(CGROUP_FS.resolve("cgroup.controllers"))) {
            return List.of(CGROUP_FS);
        }
        try (Stream<Path> entries = Files.list(CGROUP_FS)) {
            return entries.filter(Files::isDirectory).filter(dir -> !Files.isSymbolicLink(dir))
                    .filter(dir -> Files.exists(dir.resolve("cgroup.procs"))).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
