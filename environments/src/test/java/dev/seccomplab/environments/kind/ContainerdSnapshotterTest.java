package dev.seccomplab.environments.kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContainerdSnapshotterTest {

    @Test
    void readsTheCriSnapshotterOfAVersion2ConfigDump() throws Exception {
        // 'containerd config dump' of containerd 1.6.20, recorded in the node stand-in NodeShellIT runs.
        try (InputStream in = getClass().getResourceAsStream("/recorded/containerd-1.6.20-config-dump.toml")) {
            assertThat(ContainerdSnapshotter.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8))).isEqualTo("native");
        }
    }

    @Test
    void readsTheImagesPluginOfAVersion3Config() {
        // The shape containerd 2.x prints, as kind's parseSnapshotter reads it.
        String dump = """
                version = 3
                root = "/var/lib/containerd"
                [plugins]
                  [plugins.'io.containerd.cri.v1.images']
                    snapshotter = 'overlayfs'
                    disable_snapshot_annotations = true
                """;
        assertThat(ContainerdSnapshotter.parse(dump)).isEqualTo("overlayfs");
    }

    @Test
    void refusesWhatItCannotReadNamingTheVersion() {
        assertThatThrownBy(() -> ContainerdSnapshotter.parse("version = 1\n")).hasMessageContaining("config version 1");
        assertThatThrownBy(() -> ContainerdSnapshotter.parse("version = 2\n")).hasMessageContaining("names no CRI snapshotter");
    }
}
