package dev.seccomplab.environments.image;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seccomplab.environments.image.ReproducibleTar.Entry;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The workload image as an OCI image layout in one tar, made without Docker: what
 * {@code ctr images import} takes. Its one layer is the {@link WorkloadRootfs}, uncompressed.
 *
 * <p>Everything in it is reproducible, so the image id (the digest of its config) is known before
 * the import and a runtime that already holds the image is left alone.
 */
public final class WorkloadImageArchive {

    /** {@link WorkloadImage#REFERENCE} as container runtimes name it once normalised. */
    public static final String NORMALISED_REFERENCE = "docker.io/" + WorkloadImage.REFERENCE;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MANIFEST_TYPE = "application/vnd.oci.image.manifest.v1+json";

    private final byte[] tar;
    private final String imageId;

    private WorkloadImageArchive(byte[] tar, String imageId) {
        this.tar = tar;
        this.imageId = imageId;
    }

    public static WorkloadImageArchive fromHost() {
        return of(WorkloadRootfs.fromHost());
    }

    static WorkloadImageArchive of(WorkloadRootfs rootfs) {
        SortedMap<String, Entry> blobs = new TreeMap<>();
        byte[] layer = rootfs.layerTar();
        String layerDigest = addBlob(blobs, layer);
        byte[] config = json(ordered(
                "architecture", goArchitecture(System.getProperty("os.arch")),
                "os", "linux",
                "config", ordered("Cmd", WorkloadRootfs.COMMAND),
                "rootfs", ordered("type", "layers", "diff_ids", List.of(layerDigest))));
        String configDigest = addBlob(blobs, config);
        byte[] manifest = json(ordered(
                "schemaVersion", 2,
                "mediaType", MANIFEST_TYPE,
                "config", descriptor("application/vnd.oci.image.config.v1+json", configDigest, config.length),
                "layers", List.of(descriptor("application/vnd.oci.image.layer.v1.tar", layerDigest, layer.length))));
        String manifestDigest = addBlob(blobs, manifest);
        Map<String, Object> indexEntry = descriptor(MANIFEST_TYPE, manifestDigest, manifest.length);
        indexEntry.put("annotations", ordered(
                "io.containerd.image.name", NORMALISED_REFERENCE,
                "org.opencontainers.image.ref.name", "latest"));

        SortedMap<String, Entry> entries = new TreeMap<>(blobs);
        entries.put("blobs/", Entry.directory(0755));
        entries.put("blobs/sha256/", Entry.directory(0755));
        entries.put("oci-layout", Entry.bytes(json(ordered("imageLayoutVersion", "1.0.0")), 0644));
        entries.put("index.json", Entry.bytes(json(ordered("schemaVersion", 2, "manifests", List.of(indexEntry))), 0644));
        return new WorkloadImageArchive(ReproducibleTar.write(entries), configDigest);
    }

    public byte[] tar() {
        return tar.clone();
    }

    /** {@code sha256:…} of the image config: the id a runtime reports for this image. */
    public String imageId() {
        return imageId;
    }

    /** Go's name for a CPU architecture, as image configs write it. */
    public static String goArchitecture(String javaArch) {
        return switch (javaArch) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            default -> javaArch;
        };
    }

    private static String addBlob(SortedMap<String, Entry> blobs, byte[] content) {
        String hex = ReproducibleTar.sha256Hex(content);
        blobs.put("blobs/sha256/" + hex, Entry.bytes(content, 0644));
        return "sha256:" + hex;
    }

    private static Map<String, Object> descriptor(String mediaType, String digest, int size) {
        return ordered("mediaType", mediaType, "digest", digest, "size", size);
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static byte[] json(Object value) {
        try {
            return JSON.writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain maps always serialise", e);
        }
    }
}
