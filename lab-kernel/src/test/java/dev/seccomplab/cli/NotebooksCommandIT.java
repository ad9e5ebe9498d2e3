package dev.seccomplab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seccomplab.environments.testing.RequiresCri;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code lab notebooks run}: a broken expected outcome fails the run and names the notebook and the cell. */
@ExtendWith(RequiresCri.class)
class NotebooksCommandIT {

    @TempDir
    Path reports;

    @Test
    void aNotebookWhoseExpectationFailsFailsTheRunNamingNotebookAndCell() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine lab = LabCommand.commandLine();
        lab.setOut(new PrintWriter(out, true));
        int exit = lab.execute("notebooks", "run", "src/test/notebooks/failing-expectation.ipynb", "--report", reports.toString());

        assertThat(exit).as(out.toString()).isEqualTo(1);
        assertThat(out.toString())
                .contains("src/test/notebooks/failing-expectation.ipynb:")
                .containsPattern("failed .* cell 3: pod.expect\\(new SeccompModeCheck\\(SeccompMode.FILTER\\)\\);")
                .contains("expected Seccomp: 2 (filter), observed Seccomp: 0 (disabled)")
                .containsPattern("skipped .* cell 4: System.out.println")
                .contains("1 cell(s) failed in 1 notebook(s)");
        String junit = Files.readString(reports.resolve("junit.xml"));
        assertThat(junit).contains("<testsuite name=\"failing-expectation\"", "failures=\"1\"",
                "name=\"cell 3: pod.expect(new SeccompModeCheck(SeccompMode.FILTER));\"", "<failure message=\"ExpectationFailed:");
        assertThat(reports.resolve("failing-expectation.ipynb")).isNotEmptyFile();
        assertThat(reports.resolve("report.html")).content().contains("failing-expectation", "1 cells failed");
    }
}
