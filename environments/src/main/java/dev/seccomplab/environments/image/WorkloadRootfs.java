package dev.seccomplab.environments.image;

import dev.seccomplab.environments.image.ReproducibleTar.Entry;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The workload image's file system: this host's busybox and keyctl with the libraries they load,
 * and the few files a shell expects. Entry names are relative to {@code /}.
 */
final class WorkloadRootfs {

    /** Busybox applets the lessons call; each becomes a link to /bin/busybox. */
    static final List<String> APPLETS =
            List.of("sh", "grep", "sleep", "cat", "ls", "id", "ps", "echo", "head", "uname", "mkdir", "true", "mv", "rm");

    /** PID 1 traps SIGTERM so that stopping a pod does not wait out its grace period. */
    static final List<String> COMMAND =
            List.of("/bin/sh", "-c", "trap 'exit 0' TERM; while :; do sleep 3600 & wait; done");

    private final SortedMap<String, Entry> entries;

    private WorkloadRootfs(SortedMap<String, Entry> entries) {
        this.entries = Collections.unmodifiableSortedMap(entries);
    }

    /** Gathers busybox and keyctl from this host. */
    static WorkloadRootfs fromHost() {
        return of(List.of(HostBinary.locate("busybox", "busybox-static"), HostBinary.locate("keyctl", "keyutils")));
    }

    static WorkloadRootfs of(List<HostBinary> binaries) {
        SortedMap<String, Entry> entries = new TreeMap<>();
        for (String dir : List.of("bin", "dev", "etc", "proc", "root", "sys", "tmp")) {
            entries.put(dir + "/", Entry.directory(dir.equals("tmp") ? 01777 : 0755));
        }
        entries.put("etc/passwd", Entry.text("root:x:0:0:root:/root:/bin/sh\n", 0644));
        entries.put("etc/group", Entry.text("root:x:0:\n", 0644));
        for (HostBinary binary : binaries) {
            entries.put("bin/" + binary.path().getFileName(), Entry.file(binary.path(), 0755));
            for (Path library : binary.libraries()) {
                addParents(entries, library.getParent());
                entries.put(relative(library), Entry.file(library, 0755));
            }
        }
        for (String applet : APPLETS) {
            entries.put("bin/" + applet, Entry.link("busybox"));
        }
        return new WorkloadRootfs(entries);
    }

    SortedMap<String, Entry> entries() {
        return entries;
    }

    /** The file system as one image layer: a plain tar whose names have no leading slash. */
    byte[] layerTar() {
        return ReproducibleTar.write(entries);
    }

    private static void addParents(SortedMap<String, Entry> entries, Path dir) {
        for (Path d = dir; d != null && d.getNameCount() > 0; d = d.getParent()) {
            entries.putIfAbsent(relative(d) + "/", Entry.directory(0755));
        }
    }

    private static String relative(Path absolute) {
        return absolute.toString().replaceFirst("^/+", "");
    }
}
