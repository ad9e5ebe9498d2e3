package dev.seccomplab.environments.containerd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContainerdSnapshotterTest {

    @Test
    void readsTheCriSnapshotterOfAVersion2ConfigDump() throws Exception {
        // 'containerd config dump' of containerd 1.6.20, recorded in the node stand-in NodeShellIT runs.
        try (InputStream in = getClass().getResourceAsStream("/recorded/containerd-1.6.20-config-dump.toml")) {
            assertThat(ContainerdSnapshotter.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8))).isEqualTo("native");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 4})
    void readsTheImagesPluginOfAVersion3Or4Config(int version) {
        // The shape containerd 2.x prints (version 4 from 2.3 on), as kind's parseSnapshotter reads it.
        String dump = """
                version = %d
                root = "/var/lib/containerd"
                [plugins]
                  [plugins.'io.containerd.cri.v1.images']
                    snapshotter = 'zfs'
                    disable_snapshot_annotations = true
                """.formatted(version);
        assertThat(ContainerdSnapshotter.parse(dump)).isEqualTo("zfs");
    }

    @Test
    void refusesWhatItCannotReadNamingTheVersion() {
        assertThatThrownBy(() -> ContainerdSnapshotter.parse("version = 1\n")).hasMessageContaining("config version 1");
        assertThatThrownBy(() -> ContainerdSnapshotter.parse("version = 5\n")).hasMessageContaining("config version 5");
        assertThatThrownBy(() -> ContainerdSnapshotter.parse("version = 2\n")).hasMessageContaining("names no CRI snapshotter");
    }
}
