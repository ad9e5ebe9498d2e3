package dev.seccomplab.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seccomplab.environments.EnvironmentOptions;
import dev.seccomplab.environments.testing.RequiresCri;
import dev.seccomplab.scenarios.checks.SeccompMode;
import dev.seccomplab.scenarios.checks.SeccompModeCheck;
import dev.seccomplab.testing.Processes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The {@code lab} object outside the lab's kernel: readable tables with no escape codes, and failures that still throw. */
@ExtendWith(RequiresCri.class)
class LabAsALibraryIT {

    @TempDir
    Path dir;

    /** This test's JVM is such a plain one: no kernel, no cell agent. */
    @Test
    void inAPlainJvmExpectPrintsATableAndAFailingExpectationThrows() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (Lab lab = Lab.create("cri").options(options())) {
            lab.expect("runtime-default");
            LabPod unconfined = lab.apply("unconfined");
            assertThatThrownBy(() -> unconfined.expect(new SeccompModeCheck(SeccompMode.FILTER)))
                    .isInstanceOf(ExpectationFailed.class).hasMessageContaining("observed Seccomp: 0 (disabled)");
        } finally {
            System.setOut(original);
        }
        String printed = captured.toString(StandardCharsets.UTF_8);
        assertThat(printed).containsPattern("runtime-default\\s+grep Seccomp /proc/1/status\\s+Seccomp: 2 \\(filter\\)\\s+Seccomp: 2 \\(filter\\)\\s+PASS")
                .doesNotContain("\u001b");
    }

    @Test
    void inPlainJshellTheSameHolds() throws Exception {
        Path script = dir.resolve("lesson.jsh");
        Files.writeString(script, """
                import dev.seccomplab.notebook.*;
                import dev.seccomplab.scenarios.checks.*;
                import dev.seccomplab.environments.*;
                var lab = Lab.create("cri").options(EnvironmentOptions.defaults()
                        .withKubeletConfig(java.nio.file.Path.of("%s")).withLocalhostProfileRoot(java.nio.file.Path.of("%s")));
                lab.expect("runtime-default");
                try { lab.apply("unconfined").expect(new SeccompModeCheck(SeccompMode.FILTER)); System.out.println("NOT THROWN"); }
                catch (ExpectationFailed e) { System.out.println("THROWN: " + e.getMessage()); }
                lab.close();
                /exit
                """.formatted(dir.resolve("kubelet.yaml"), dir.resolve("seccomp")));
        String jshell = Path.of(System.getProperty("java.home"), "bin", "jshell").toString();
        Processes.Result result = Processes.run(List.of(jshell, "--class-path", Path.of("target", "lab.jar").toAbsolutePath().toString(),
                script.toString()), Map.of(), dir, 300);

        assertThat(result.output()).containsPattern("runtime-default\\s+grep Seccomp /proc/1/status\\s+Seccomp: 2 \\(filter\\)\\s+Seccomp: 2 \\(filter\\)\\s+PASS")
                .contains("THROWN: unconfined / grep Seccomp /proc/1/status: expected Seccomp: 2 (filter), observed Seccomp: 0 (disabled)")
                .doesNotContain("\u001b", "NOT THROWN");
    }

    private EnvironmentOptions options() {
        return EnvironmentOptions.defaults().withKubeletConfig(dir.resolve("kubelet.yaml")).withLocalhostProfileRoot(dir.resolve("seccomp"));
    }
}
