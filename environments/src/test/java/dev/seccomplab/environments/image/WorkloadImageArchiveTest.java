package dev.seccomplab.environments.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OCI image layout the cri environment imports, checked the way a runtime reads it: from index.json down. */
class WorkloadImageArchiveTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path host;

    @Test
    void indexManifestConfigAndLayerAreLinkedByTheirDigests() throws Exception {
        WorkloadImageArchive archive = WorkloadImageArchive.of(rootfs());
        Map<String, byte[]> files = untar(archive.tar());
        assertThat(JSON.readTree(files.get("oci-layout")).path("imageLayoutVersion").asText()).isEqualTo("1.0.0");

        JsonNode entry = JSON.readTree(files.get("index.json")).path("manifests").get(0);
        assertThat(entry.path("annotations").path("io.containerd.image.name").asText())
                .isEqualTo("docker.io/seccomp-lab/workload:latest").isEqualTo(WorkloadImageArchive.NORMALISED_REFERENCE);
        JsonNode manifest = JSON.readTree(blob(files, entry));
        JsonNode config = JSON.readTree(blob(files, manifest.path("config")));
        byte[] layer = blob(files, manifest.path("layers").get(0));

        assertThat("sha256:" + ReproducibleTar.sha256Hex(blob(files, manifest.path("config")))).isEqualTo(archive.imageId());
        assertThat(config.path("rootfs").path("diff_ids").get(0).asText()).isEqualTo("sha256:" + ReproducibleTar.sha256Hex(layer));
        assertThat(config.path("config").path("Cmd").get(0).asText()).isEqualTo("/bin/sh");
        assertThat(untar(layer)).containsKeys("bin/busybox", "bin/keyctl", "etc/passwd");
    }

    @Test
    void theSameContentGivesTheSameImageId() throws Exception {
        String first = WorkloadImageArchive.of(rootfs()).imageId();
        assertThat(WorkloadImageArchive.of(rootfs()).imageId()).isEqualTo(first);
        Files.writeString(host.resolve("keyctl"), "a newer keyctl");
        assertThat(WorkloadImageArchive.of(rootfs()).imageId()).isNotEqualTo(first);
    }

    @Test
    void architecturesAreNamedAsGoNamesThem() {
        assertThat(WorkloadImageArchive.goArchitecture("amd64")).isEqualTo("amd64");
        assertThat(WorkloadImageArchive.goArchitecture("x86_64")).isEqualTo("amd64");
        assertThat(WorkloadImageArchive.goArchitecture("aarch64")).isEqualTo("arm64");
    }

    /** Size and digest as the descriptor states them, else the runtime would refuse the blob. */
    private static byte[] blob(Map<String, byte[]> files, JsonNode descriptor) {
        String digest = descriptor.path("digest").asText();
        byte[] content = files.get("blobs/sha256/" + digest.substring("sha256:".length()));
        assertThat(content).hasSize(descriptor.path("size").asInt());
        assertThat("sha256:" + ReproducibleTar.sha256Hex(content)).isEqualTo(digest);
        return content;
    }

    private WorkloadRootfs rootfs() throws Exception {
        Path busybox = host.resolve("busybox");
        Path keyctl = host.resolve("keyctl");
        if (!Files.exists(busybox)) {
            Files.writeString(busybox, "static busybox");
        }
        if (!Files.exists(keyctl)) {
            Files.writeString(keyctl, "keyctl");
        }
        return WorkloadRootfs.of(List.of(new HostBinary(busybox, List.of()), new HostBinary(keyctl, List.of())));
    }

    private static Map<String, byte[]> untar(byte[] tar) throws Exception {
        Map<String, byte[]> files = new HashMap<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.isFile()) {
                    files.put(e.getName(), in.readAllBytes());
                }
            }
        }
        return files;
    }
}
