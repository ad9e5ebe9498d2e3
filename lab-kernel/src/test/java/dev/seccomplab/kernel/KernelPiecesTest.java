package dev.seccomplab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KernelPiecesTest {

    @Test
    void errorsNameTheCellsOwnLinesWithACaret() {
        CellSource cell = new CellSource("int a = 1;\nint b = \"x\";\n", "int a = 1;\nint b = \"x\";\n");
        int offset = cell.java().indexOf("\"x\"");
        assertThat(cell.lineOf(offset)).isEqualTo(2);
        assertThat(cell.pointAt(offset)).isEqualTo("int b = \"x\";\n        ^");
    }

    @Test
    void aMagicLineIsShownAsWrittenNotAsTheJavaItBecame() throws Exception {
        String written = "int n = 1;\n%expect runtime-defualt";
        CellSource cell = new CellSource(new LabMagics(file -> { }, MavenArtifacts.inUsersLocalRepository()).toJava(written), written);
        int magicLine = cell.java().indexOf("{ lab.expect");
        assertThat(cell.lineOf(magicLine)).isEqualTo(2);
        assertThat(cell.line(2)).isEqualTo("%expect runtime-defualt");
        assertThat(cell.pointAt(magicLine)).isEqualTo("%expect runtime-defualt");
    }

    @Test
    void utf8IsCutOnlyBetweenCharacters() {
        byte[] check = "✓".getBytes(StandardCharsets.UTF_8);
        assertThat(Utf8Accumulator.completePrefixLength(new byte[] {'a', check[0], check[1]})).isEqualTo(1);
        assertThat(Utf8Accumulator.completePrefixLength(new byte[] {'a', check[0], check[1], check[2]})).isEqualTo(4);
        assertThat(Utf8Accumulator.completePrefixLength("plain".getBytes(StandardCharsets.UTF_8))).isEqualTo(5);
    }

    @Test
    void kernelJsonAsksForMessageInterruptsAndCarriesTheLabsEnvironment() {
        Map<String, Object> json = KernelSpec.kernelJson(Path.of("/opt/java/bin/java"), Path.of("/opt/lab/lab.jar"),
                java.util.Optional.of("-XX:AOTCache=/opt/spec/kernel.aot"));
        assertThat(json).containsEntry("interrupt_mode", "message").containsEntry("language", "java");
        @SuppressWarnings("unchecked")
        List<String> argv = (List<String>) json.get("argv");
        assertThat(argv).contains("-XX:AOTCache=/opt/spec/kernel.aot");
        assertThat(argv).startsWith("/opt/java/bin/java").endsWith("-jar", "/opt/lab/lab.jar", "kernel", "run", "{connection_file}");
        @SuppressWarnings("unchecked")
        Map<String, String> env = (Map<String, String>) json.get("env");
        assertThat(env).containsEntry("TESTCONTAINERS_RYUK_DISABLED", "true");
    }

    @Test
    void theCellJvmAllowsUnsafeMemoryAccessOnlyWhereTheOptionExists() {
        assertThat(JShellSession.agentVmOptions(17)).contains("--enable-native-access=ALL-UNNAMED")
                .doesNotContain("--sun-misc-unsafe-memory-access=allow");
        assertThat(JShellSession.agentVmOptions(25)).contains("--sun-misc-unsafe-memory-access=allow");
    }

    /** The kernelspec carries its own copy: removing the build it came from leaves the kernel whole. */
    @Test
    void theKernelspecRunsFromItsOwnCopyOfTheJarAndItsLibraries(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path build = dir.resolve("target");
        java.nio.file.Files.createDirectories(build.resolve("lib"));
        java.nio.file.Files.writeString(build.resolve("lab.jar"), "jar");
        java.nio.file.Files.writeString(build.resolve("lab-cell-api.jar"), "cell api");
        java.nio.file.Files.writeString(build.resolve("lib").resolve("dependency.jar"), "dependency");
        Path spec = dir.resolve("kernels").resolve("seccomp-lab");
        java.nio.file.Files.createDirectories(spec.resolve(KernelSpec.BUNDLE).resolve("lib"));
        java.nio.file.Files.writeString(spec.resolve(KernelSpec.BUNDLE).resolve("lib").resolve("stale.jar"), "from an older install");

        Path copied = KernelSpec.bundle(build.resolve("lab.jar"), spec.resolve(KernelSpec.BUNDLE));
        org.assertj.core.util.Files.delete(build.toFile());

        assertThat(copied).isEqualTo(spec.resolve("lab").resolve("lab.jar")).hasContent("jar");
        assertThat(spec.resolve("lab").resolve("lab-cell-api.jar")).hasContent("cell api");
        assertThat(spec.resolve("lab").resolve("lib").resolve("dependency.jar")).hasContent("dependency");
        assertThat(spec.resolve("lab").resolve("lib").resolve("stale.jar")).doesNotExist();
    }

    @Test
    void historySearchTakesGlobsAndCanKeepOnlyTheNewestOfEachInput() {
        CellHistory history = new CellHistory();
        history.add(1, "6 * 7", "42");
        history.add(2, "1 + 1", "2");
        history.add(3, "6 * 7", "42");
        assertThat(history.search("6 ?", 0, java.util.Set.of())).isEmpty();
        assertThat(history.search("? + ?", 0, java.util.Set.of())).singleElement().satisfies(e -> assertThat(e.getCellNumber()).isEqualTo(2));
        assertThat(history.search("6 *", 0, java.util.Set.of())).hasSize(2);
        assertThat(history.search("6 *", 0, java.util.Set.of(org.dflib.jjava.jupyter.kernel.history.HistoryManager.ResultFlag.UNIQUE)))
                .singleElement().satisfies(e -> assertThat(e.getCellNumber()).isEqualTo(3));
        assertThat(history.lookupTail(1, java.util.Set.of())).singleElement().satisfies(e -> assertThat(e.getInput()).isEqualTo("6 * 7"));
    }
}
