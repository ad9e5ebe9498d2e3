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
import java.util.Map;
import java.util.SortedMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A tar that is the same byte for byte whenever its content is: entries sorted by name, times and
 * owners fixed. Its SHA-256 then names its content, which is what image digests rely on.
 */
final class ReproducibleTar {

    private ReproducibleTar() {
    }

    static byte[] write(SortedMap<String, Entry> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, Entry> e : entries.entrySet()) {
                e.getValue().writeTo(out, e.getKey());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a tar in memory", e);
        }
        return bytes.toByteArray();
    }

    static String sha256Hex(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** One member of the tar: a file with content, a directory, or a symbolic link. */
    record Entry(byte type, byte[] content, int mode, String linkTarget) {

        static Entry bytes(byte[] content, int mode) {
            return new Entry(TarArchiveEntry.LF_NORMAL, content, mode, null);
        }

        static Entry text(String text, int mode) {
            return bytes(text.getBytes(StandardCharsets.UTF_8), mode);
        }

        static Entry file(Path hostFile, int mode) {
            try {
                return bytes(Files.readAllBytes(hostFile), mode);
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
