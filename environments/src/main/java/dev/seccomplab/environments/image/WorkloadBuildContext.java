package dev.seccomplab.environments.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The Docker build context of the workload image: a {@code FROM scratch} Dockerfile and a root
 * file system made of this host's busybox and keyctl with their libraries. No registry is needed.
 *
 * <p>The tar is byte-for-byte reproducible (sorted entries, fixed times and owners), so its
 * SHA-256 identifies the image's content and the image is rebuilt only when that changes.
 */
public final class WorkloadBuildContext {

    /** Busybox applets the lessons call; each becomes a link to /bin/busybox. */
    static final List<String> APPLETS = List.of("sh", "grep", "sleep", "cat", "ls", "id", "ps", "echo", "head");

    /** PID 1 traps SIGTERM so that a pod deletion does not wait out its grace period. */
    static final String DOCKERFILE = String.join("\n",
            "FROM scratch",
            "COPY rootfs/ /",
            "CMD [\"/bin/sh\", \"-c\", \"trap 'exit 0' TERM; while :; do sleep 3600 & wait; done\"]",
            "");

    private final byte[] tar;

    private WorkloadBuildContext(byte[] tar) {
        this.tar = tar;
    }

    /** Gathers busybox and keyctl from this host. */
    public static WorkloadBuildContext fromHost() {
        return of(List.of(HostBinary.locate("busybox", "busybox-static"), HostBinary.locate("keyctl", "keyutils")));
    }

    static WorkloadBuildContext of(List<HostBinary> binaries) {
        SortedMap<String, Entry> entries = new TreeMap<>();
        entries.put("Dockerfile", Entry.text(DOCKERFILE, 0644));
        for (String dir : List.of("bin", "dev", "etc", "proc", "root", "sys", "tmp")) {
            entries.put("rootfs/" + dir + "/", Entry.directory(dir.equals("tmp") ? 01777 : 0755));
        }
        entries.put("rootfs/etc/passwd", Entry.text("root:x:0:0:root:/root:/bin/sh\n", 0644));
        entries.put("rootfs/etc/group", Entry.text("root:x:0:\n", 0644));
        for (HostBinary binary : binaries) {
            entries.put("rootfs/bin/" + binary.path().getFileName(), Entry.file(binary.path(), 0755));
            for (Path library : binary.libraries()) {
                addParents(entries, library.getParent());
                entries.put("rootfs" + library, Entry.file(library, 0755));
            }
        }
        for (String applet : APPLETS) {
            entries.put("rootfs/bin/" + applet, Entry.link("busybox"));
        }
        return new WorkloadBuildContext(write(entries));
    }

    public byte[] tar() {
        return tar.clone();
    }

    public String contentSha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(tar));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static void addParents(Map<String, Entry> entries, Path dir) {
        for (Path d = dir; d != null && d.getNameCount() > 0; d = d.getParent()) {
            entries.putIfAbsent("rootfs" + d + "/", Entry.directory(0755));
        }
    }

    private static byte[] write(SortedMap<String, Entry> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, Entry> e : entries.entrySet()) {
                e.getValue().writeTo(out, e.getKey());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the workload image's build context", e);
        }
        return bytes.toByteArray();
    }

    private record Entry(byte type, byte[] content, int mode, String linkTarget) {

        static Entry text(String text, int mode) {
            return new Entry(TarArchiveEntry.LF_NORMAL, text.getBytes(StandardCharsets.UTF_8), mode, null);
        }

        static Entry file(Path hostFile, int mode) {
            try {
                return new Entry(TarArchiveEntry.LF_NORMAL, Files.readAllBytes(hostFile), mode, null);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + hostFile + " for the workload image", e);
            }
        }

        static Entry directory(int mode) {
            return new Entry(TarArchiveEntry.LF_DIR, new byte[0], mode, null);
        }

        static Entry link(String target) {
            return new Entry(TarArchiveEntry.LF_SYMLINK, new byte[0], 0777, target);
        }

        void writeTo(TarArchiveOutputStream out, String name) throws IOException {
            TarArchiveEntry entry = new TarArchiveEntry(name, type);
            entry.setMode(mode | (type == TarArchiveEntry.LF_DIR ? 040000 : type == TarArchiveEntry.LF_SYMLINK ? 0120000 : 0100000));
            entry.setModTime(0);
            entry.setIds(0, 0);
            if (linkTarget != null) {
                entry.setLinkName(linkTarget);
            } else {
                entry.setSize(content.length);
            }
            out.putArchiveEntry(entry);
            out.write(content);
            out.closeArchiveEntry();
        }
    }
}
