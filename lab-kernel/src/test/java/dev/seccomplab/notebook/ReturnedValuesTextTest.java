package dev.seccomplab.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seccomplab.environments.ExecResult;
import dev.seccomplab.environments.KubeletSettings;
import dev.seccomplab.environments.Progress;
import dev.seccomplab.environments.profile.SeccompProfileSummary;
import dev.seccomplab.scenarios.practice.PracticeDirectory;
import dev.seccomplab.scenarios.practice.PracticeTasks;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a cell prints for a value the notebook API returns when the trainee leaves off the
 * {@code ;}: sentences, never a record's {@code Name[field=…]} or an {@code Object}'s hash.
 */
class ReturnedValuesTextTest {

    @Test
    void anExecSaysHowTheCommandEnded() {
        assertThat(new ExecResult(159, "", "").toString()).isEqualTo("exit code 159 (killed by signal 31)");
        assertThat(new ExecResult(1, "", "keyctl_read_alloc: Operation not permitted").toString()).isEqualTo("exit code 1");
    }

    @Test
    void theKubeletsSettingReadsAsItIsWritten() {
        assertThat(new KubeletSettings(false, "the node's /configz").toString())
                .isEqualTo("seccompDefault: false (read from the node's /configz)");
    }

    @Test
    void aProfileIsItsCounts() {
        SeccompProfileSummary summary = new SeccompProfileSummary("SCMP_ACT_ERRNO", 7, Set.of("read", "write", "accept"),
                Set.of("clone", "personality"), Set.of("clone3"));
        assertThat(summary.toString()).isEqualTo(
                "default SCMP_ACT_ERRNO; 3 syscalls allowed by name, 2 more with argument filters, 1 refused by name; 7 names in its rules");
    }

    @Test
    void aChartsBarIsItsCountsAndTheRefusedCalls() {
        assertThat(new ProfileChart.Family(List.of(), List.of("add_key", "keyctl", "request_key")).toString())
                .isEqualTo("0 allowed, 3 refused: add_key keyctl request_key");
        assertThat(new ProfileChart.Family(List.of("read"), List.of()).toString()).isEqualTo("1 allowed, 0 refused");
    }

    @Test
    void aPracticeTaskNamesItselfAndWhereTheFilesAre(@TempDir Path root) {
        PracticeDirectory directory = new PracticeDirectory(root, PracticeTasks.builtIn().named("runtime-default-deployment"));
        Practice practice = new Practice(directory, () -> {
            throw new AssertionError("printing a task must not start an environment");
        }, Progress.SILENT);
        assertThat(practice.toString()).startsWith("practice task runtime-default-deployment (")
                .endsWith("), your files in " + directory.path());
    }
}
