package dev.seccomplab.environments.kind.nodeimage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AptSourcesTest {

    @TempDir
    Path dir;

    @Test
    void theReleaseAndTheSourcesAreTheHosts() throws Exception {
        Path osRelease = Files.writeString(dir.resolve("os-release"), "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nVERSION_CODENAME=bookworm\n");
        Path apt = Files.createDirectories(dir.resolve("apt/sources.list.d"));
        Files.writeString(apt.resolve("debian.sources"), "Types: deb\n");
        Files.writeString(apt.resolve("old.list.disabled"), "deb http://example.invalid x main\n");
        Files.writeString(apt.resolve("a.list"), "deb http://deb.debian.org/debian bookworm main\n");

        AptSources sources = AptSources.of(osRelease, dir.resolve("apt"));

        assertThat(sources.suite()).isEqualTo("bookworm");
        assertThat(sources.files()).containsExactly(apt.resolve("a.list"), apt.resolve("debian.sources"));
    }

    @Test
    void aHostWithoutACodenameOrSourcesIsToldWhy() throws Exception {
        Path noCodename = Files.writeString(dir.resolve("os-release"), "ID=alpine\n");
        assertThatThrownBy(() -> AptSources.of(noCodename, dir))
                .hasMessageContaining("names no VERSION_CODENAME").hasMessageContaining("Debian");

        Path osRelease = Files.writeString(dir.resolve("debian-release"), "VERSION_CODENAME=bookworm\n");
        assertThatThrownBy(() -> AptSources.of(osRelease, Files.createDirectories(dir.resolve("empty-apt"))))
                .hasMessageContaining("No apt sources in");
    }

    @Test
    void aChangedPackageListOrSourceMakesANewBase() throws Exception {
        Path list = Files.writeString(dir.resolve("sources.list"), "deb http://deb.debian.org/debian bookworm main\n");
        AptSources sources = new AptSources("bookworm", List.of(list));
        String before = DebianBase.NODE.reference(sources);

        assertThat(new DebianBase("node", List.of("systemd")).reference(sources)).isNotEqualTo(before);
        Files.writeString(list, "deb http://mirror.example/debian bookworm main\n");
        assertThat(DebianBase.NODE.reference(sources)).isNotEqualTo(before).startsWith(DebianBase.REPOSITORY + ":node-bookworm-");
    }
}
