package dev.seccomplab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seccomplab.environments.docker.DockerEngine;
import dev.seccomplab.environments.docker.LabContainerReaper;
import dev.seccomplab.environments.testing.RequiresDocker;
import dev.seccomplab.report.ReportWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code lab run} end to end, in process, on the real engine. */
@ExtendWith(RequiresDocker.class)
class LabRunIT {

    @TempDir
    Path reports;

    @Test
    void runPrintsTheTableWritesTheReportAndLeavesNothingRunning() {
        StringWriter out = new StringWriter();
        CommandLine commandLine = LabCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        int exit = commandLine.execute("run", "--env", "docker", "--report", reports.toString(), "runtime-default", "unconfined");

        assertThat(exit).as(out.toString()).isZero();
        assertThat(out.toString())
                .containsPattern("runtime-default\\s+grep Seccomp /proc/1/status\\s+Seccomp: 2 \\(filter\\)\\s+Seccomp: 2 \\(filter\\)\\s+PASS")
                .containsPattern("unconfined\\s+grep Seccomp /proc/1/status\\s+Seccomp: 0 \\(disabled\\)\\s+Seccomp: 0 \\(disabled\\)\\s+PASS")
                .contains("4 passed, 0 failed, 0 host limit, 0 not applicable, 0 errors; wall time");
        assertThat(reports.resolve(ReportWriter.HTML)).isNotEmptyFile();
        assertThat(reports.resolve(ReportWriter.JSON)).isNotEmptyFile();
        assertThat(reports.resolve(ReportWriter.JUNIT_XML)).isNotEmptyFile();
        assertThat(new LabContainerReaper(DockerEngine.connect()).labContainers()).isEmpty();
    }
}
