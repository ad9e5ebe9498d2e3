package dev.seccomplab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelJvmTest {

    @TempDir
    Path jvms;

    @Test
    void readsAJdksReleaseFileAndPicksItsStartupCache() throws IOException {
        Path home = jdk("temurin-25", "25.0.3+9-LTS", "Eclipse Adoptium");

        KernelJvm jvm = KernelJvm.at(home.resolve("bin").resolve("java")).orElseThrow();

        assertThat(jvm.home()).isEqualTo(home);
        assertThat(jvm.version().feature()).isEqualTo(25);
        assertThat(jvm.describe()).isEqualTo("Java 25.0.3+9-LTS (Eclipse Adoptium) in " + home);
        assertThat(jvm.startupCache()).isEqualTo(StartupCache.AOT_CACHE);
        assertThat(StartupCache.forFeature(24)).isEqualTo(StartupCache.APP_CDS);
        assertThat(StartupCache.AOT_CACHE.use(Path.of("/spec/kernel.aot"))).isEqualTo("-XX:AOTCache=/spec/kernel.aot");
        assertThat(StartupCache.APP_CDS.record(Path.of("/spec/k.jsa"))).isEqualTo("-XX:ArchiveClassesAtExit=/spec/k.jsa");
    }

    @Test
    void aDirectoryWithoutJavaOrReleaseIsNoJdk() throws IOException {
        Files.createDirectories(jvms.resolve("empty"));
        Path noRelease = jdk("no-release", "21.0.1", "x");
        Files.delete(noRelease.resolve("release"));

        assertThat(KernelJvm.at(jvms.resolve("empty"))).isEmpty();
        assertThat(KernelJvm.at(noRelease)).isEmpty();
    }

    @Test
    void theNewestJdkWithTheAotCacheWinsOverTheRunningOne() throws IOException {
        KernelJvm running = KernelJvm.at(jdk("openjdk-17", "17.0.15+6", "Debian")).orElseThrow();
        jdk("temurin-25", "25.0.3+9", "Eclipse Adoptium");
        jdk("openjdk-26", "26+35", "Oracle Corporation");
        jdk("openjdk-21", "21.0.5+11", "Debian");

        assertThat(KernelJvm.choose(running, Optional.empty(), jvms).version().feature()).isEqualTo(26);
    }

    @Test
    void withoutAJdk25TheRunningJvmStays() throws IOException {
        KernelJvm running = KernelJvm.at(jdk("openjdk-17", "17.0.15+6", "Debian")).orElseThrow();
        Path javaHome = jdk("openjdk-21", "21.0.5+11", "Debian");

        assertThat(KernelJvm.choose(running, Optional.of(javaHome), jvms)).isEqualTo(running);
        assertThat(KernelJvm.choose(running, Optional.empty(), jvms.resolve("missing"))).isEqualTo(running);
    }

    @Test
    void javaHomeIsACandidateToo() throws IOException {
        KernelJvm running = KernelJvm.at(jdk("openjdk-17", "17.0.15+6", "Debian")).orElseThrow();
        Path javaHome = jdk("jdk-25", "25.0.1+8", "Eclipse Adoptium");

        assertThat(KernelJvm.choose(running, Optional.of(javaHome), jvms.resolve("no-system-jvms")).home()).isEqualTo(javaHome);
    }

    private Path jdk(String name, String version, String implementor) throws IOException {
        Path home = jvms.resolve(name);
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"" + implementor + "\"\nJAVA_RUNTIME_VERSION=\"" + version
                + "\"\nJAVA_VERSION=\"" + version.replaceAll("\\+.*", "") + "\"\n");
        return home.toAbsolutePath().normalize();
    }
}
