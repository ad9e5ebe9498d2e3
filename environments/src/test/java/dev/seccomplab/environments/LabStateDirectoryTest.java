package dev.seccomplab.environments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabStateDirectoryTest {

    @Test
    void anExplicitDirectoryWins() {
        assertThat(LabStateDirectory.resolve(Map.of("SECCOMP_LAB_STATE_DIR", "/srv/lab"), true, "/root"))
                .isEqualTo(Path.of("/srv/lab"));
    }

    @Test
    void rootKeepsItBesideTheKubeletsOwn() {
        assertThat(LabStateDirectory.resolve(Map.of(), true, "/root")).isEqualTo(Path.of("/var/lib/seccomp-lab"));
    }

    @Test
    void otherUsersKeepItInTheirXdgStateHome() {
        assertThat(LabStateDirectory.resolve(Map.of(), false, "/home/ann")).isEqualTo(Path.of("/home/ann/.local/state/seccomp-lab"));
        assertThat(LabStateDirectory.resolve(Map.of("XDG_STATE_HOME", "/home/ann/state"), false, "/home/ann"))
                .isEqualTo(Path.of("/home/ann/state/seccomp-lab"));
    }
}
