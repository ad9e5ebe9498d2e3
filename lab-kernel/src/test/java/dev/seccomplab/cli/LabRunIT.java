package dev.seccomplab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seccomplab.environments.docker.DockerEngine;
import dev.seccomplab.environments.docker.LabContainerReaper;
import dev.seccomplab.environments.testing.RequiresCri;
import dev.seccomplab.environments.testing.RequiresDocker;
import dev.seccomplab.report.ReportWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code lab run} end to end, in process, on real runtimes. */
class LabRunIT {

    @TempDir
    Path dir;

    @Test
    @ExtendWith(RequiresCri.class)
    void onTheDefaultEnvironmentEveryCheckPassesPrivilegedIncluded() throws Exception {
        StringWriter out = new StringWriter();
        int exit = lab(out, "run", "--report", dir.resolve("report").toString(), "--kubelet-config",
                dir.resolve("kubelet.yaml").toString());

        assertThat(exit).as(out.toString()).isZero();
        assertThat(out.toString())
                .contains("environment cri: auto: cri")
                .containsPattern("privileged\\s+grep Seccomp /proc/1/status\\s+Seccomp: 0 \\(disabled\\)\\s+Seccomp: 0 \\(disabled\\)\\s+PASS")
                .containsPattern("runtime-default\\s+grep Seccomp /proc/1/status\\s+Seccomp: 2 \\(filter\\)\\s+Seccomp: 2 \\(filter\\)\\s+PASS")
                .containsPattern("\\d+ passed, 0 failed, 0 host limit, 0 not applicable, 0 errors; wall time");
        assertThat(dir.resolve("report").resolve(ReportWriter.HTML)).isNotEmptyFile();
        assertThat(dir.resolve("report").resolve(ReportWriter.JSON)).isNotEmptyFile();
        assertThat(dir.resolve("report").resolve(ReportWriter.JUNIT_XML)).isNotEmptyFile();
        assertThat(Files.readString(dir.resolve("kubelet.yaml"))).as("the node is left as found").contains("seccompDefault: false");
    }

    @Test
    @ExtendWith(RequiresDocker.class)
    void onDockerThePrivilegedPodIsDockersOwnAffair() {
        StringWriter out = new StringWriter();
        int exit = lab(out, "run", "--env", "docker", "--report", dir.resolve("report").toString(), "--kubelet-config",
                dir.resolve("kubelet.yaml").toString(), "runtime-default", "privileged");

        String table = out.toString();
        String unwrapped = table.replaceAll("\\s+", " ");
        assertThat(table).containsPattern("runtime-default\\s+grep Seccomp /proc/1/status\\s+Seccomp: 2 \\(filter\\)\\s+Seccomp: 2 \\(filter\\)\\s+PASS");
        if (table.contains("HOST LIMIT")) {
            assertThat(exit).isEqualTo(RunCommand.NOT_ALL_JUDGED);
            assertThat(unwrapped).contains("unable to apply caps", "this host's capability bounding set (CapBnd ");
        } else {
            assertThat(exit).as(table).isZero();
        }
        assertThat(new LabContainerReaper(DockerEngine.connect()).labContainers()).isEmpty();
    }

    private static int lab(StringWriter out, String... args) {
        CommandLine commandLine = LabCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        return commandLine.execute(args);
    }
}
