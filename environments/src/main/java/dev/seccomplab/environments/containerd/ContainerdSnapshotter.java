package dev.seccomplab.environments.containerd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.seccomplab.environments.LabEnvironmentException;
import java.io.IOException;

/**
 * The snapshotter the kubelet's CRI uses on a node, read from {@code containerd config dump} the way
 * kind's own image loader does ({@code pkg/cluster/nodeutils/util.go}, {@code parseSnapshotter}).
 * An image imported for another snapshotter is not unpacked where the CRI looks, so nodes on zfs or
 * fuse hosts need it named.
 */
public final class ContainerdSnapshotter {

    public static final String[] CONFIG_DUMP = {"containerd", "config", "dump"};
    private static final TomlMapper TOML = new TomlMapper();

    private ContainerdSnapshotter() {
    }

    public static String parse(String configDump) {
        JsonNode config;
        try {
            config = TOML.readTree(configDump);
        } catch (IOException e) {
            throw new LabEnvironmentException("'containerd config dump' on the node did not print TOML: " + e.getMessage(), e);
        }
        int version = config.path("version").asInt(-1);
        JsonNode snapshotter = switch (version) {
            // Config version 2 came with containerd 1.3 and is still read by 2.x.
            case 2 -> config.path("plugins").path("io.containerd.grpc.v1.cri").path("containerd").path("snapshotter");
            // Version 3 came with containerd 2.0 (kind v0.27 and later), version 4 with 2.3; both keep the
            // CRI image service's snapshotter in the same place, and kind reads them alike (commit b22acfaf).
            case 3, 4 -> config.path("plugins").path("io.containerd.cri.v1.images").path("snapshotter");
            default -> throw new LabEnvironmentException("containerd on the node has config version " + version
                    + "; the lab reads versions 2, 3 and 4");
        };
        if (!snapshotter.isTextual() || snapshotter.asText().isBlank()) {
            throw new LabEnvironmentException("containerd's config (version " + version + ") on the node names no CRI snapshotter");
        }
        return snapshotter.asText();
    }
}
