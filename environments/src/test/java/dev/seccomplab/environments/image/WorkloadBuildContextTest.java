package dev.seccomplab.environments.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkloadBuildContextTest {

    @TempDir
    Path host;

    @Test
    void parsesLddForDynamicAndStaticPrograms() {
        String dynamic = """
                \tlinux-vdso.so.1 (0x00007f3736b98000)
                \tlibkeyutils.so.1 => /lib/x86_64-linux-gnu/libkeyutils.so.1 (0x00007f3736a71000)
                \tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f373688f000)
                \t/lib64/ld-linux-x86-64.so.2 (0x00007f3736b9a000)
                """;
        assertThat(HostBinary.parseLdd(dynamic)).containsExactly(
                Path.of("/lib/x86_64-linux-gnu/libkeyutils.so.1"),
                Path.of("/lib/x86_64-linux-gnu/libc.so.6"),
                Path.of("/lib64/ld-linux-x86-64.so.2"));
        assertThat(HostBinary.parseLdd("\tnot a dynamic executable\n")).isEmpty();
    }

    @Test
    void containsShellToolsKeyctlAndItsLibraries() throws Exception {
        WorkloadBuildContext context = WorkloadBuildContext.of(binaries());
        List<String> names = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new ByteArrayInputStream(context.tar()))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                names.add(e.getName() + (e.isSymbolicLink() ? " -> " + e.getLinkName() : ""));
            }
        }
        assertThat(names).contains("Dockerfile", "rootfs/bin/busybox", "rootfs/bin/keyctl", "rootfs/bin/sh -> busybox",
                "rootfs/bin/grep -> busybox", "rootfs/bin/sleep -> busybox", "rootfs/proc/",
                "rootfs" + host.resolve("lib/libkeyutils.so.1"));
    }

    @Test
    void sameContentSameHashAndChangedContentNewHash() throws Exception {
        String first = WorkloadBuildContext.of(binaries()).contentSha256();
        assertThat(WorkloadBuildContext.of(binaries()).contentSha256()).isEqualTo(first);
        Files.writeString(host.resolve("keyctl"), "a newer keyctl");
        assertThat(WorkloadBuildContext.of(binaries()).contentSha256()).isNotEqualTo(first);
    }

    private List<HostBinary> binaries() throws Exception {
        Files.createDirectories(host.resolve("lib"));
        Path busybox = host.resolve("busybox");
        Path keyctl = host.resolve("keyctl");
        Path library = host.resolve("lib/libkeyutils.so.1");
        if (!Files.exists(busybox)) {
            Files.writeString(busybox, "static busybox");
            Files.writeString(keyctl, "keyctl");
            Files.writeString(library, "libkeyutils");
        }
        return List.of(new HostBinary(busybox, List.of()), new HostBinary(keyctl, List.of(library)));
    }
}
