package dev.seccomplab.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CellClassPathTest {

    @Test
    void theCellJvmGetsEverythingAndTheCompilerOnlyTheLabsOwnClasses(@TempDir Path dir) throws IOException {
        Path lab = installedLab(dir);
        Files.createFile(dir.resolve("lab-cell-api.jar"));

        CellClassPath paths = CellClassPath.of(lab.toString());

        assertThat(paths.runtime().split(File.pathSeparator)).containsExactly(lab.toString(),
                dir.resolve("lib/environments-1.0.jar").toString(), dir.resolve("lib/kubernetes-client-7.0.jar").toString(),
                dir.resolve("lib/scenarios-1.0.jar").toString());
        assertThat(paths.compile().split(File.pathSeparator)).containsExactly(dir.resolve("lab-cell-api.jar").toString(),
                dir.resolve("lib/environments-1.0.jar").toString(), dir.resolve("lib/scenarios-1.0.jar").toString());
    }

    @Test
    void classDirectoriesAndTheLabsModuleJarsCompileAsTheyAre(@TempDir Path dir) throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Path scenarios = jar(dir.resolve("scenarios-1.0.jar"), new Manifest());
        Path library = jar(dir.resolve("jackson-databind-2.17.jar"), new Manifest());

        CellClassPath paths = CellClassPath.of(String.join(File.pathSeparator, classes.toString(), scenarios.toString(), library.toString()));

        assertThat(paths.compile()).isEqualTo(classes + File.pathSeparator + scenarios);
        assertThat(paths.runtime()).endsWith(library.toString());
    }

    @Test
    void aLabJarWithoutItsCellApiTwinSaysHowToGetIt(@TempDir Path dir) throws IOException {
        Path lab = installedLab(dir);
        assertThatThrownBy(() -> CellClassPath.of(lab.toString())).isInstanceOf(IOException.class)
                .hasMessageContaining("lab-cell-api.jar is missing beside").hasMessageContaining("mvn -B -DskipTests install");
    }

    /** lab.jar as the build makes it: a manifest whose Class-Path names lib/. */
    private static Path installedLab(Path dir) throws IOException {
        Manifest manifest = new Manifest();
        List<String> lib = List.of("lib/environments-1.0.jar", "lib/kubernetes-client-7.0.jar", "lib/scenarios-1.0.jar");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", lib));
        return jar(dir.resolve("lab.jar"), manifest);
    }

    private static Path jar(Path file, Manifest manifest) throws IOException {
        manifest.getMainAttributes().putIfAbsent(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
        return file;
    }
}
