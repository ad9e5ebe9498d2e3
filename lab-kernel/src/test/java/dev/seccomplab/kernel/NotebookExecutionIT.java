package dev.seccomplab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seccomplab.kernel.NotebookExecution.CellResult;
import dev.seccomplab.kernel.NotebookExecution.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The notebook runner on plain Java cells: outputs in nbformat, and what each cell tag does. */
class NotebookExecutionIT {

    @TempDir
    Path dir;

    @Test
    void runsCellsAsATagSaysAndWritesTheOutputsAsJupyterDoes() throws Exception {
        List<CellResult> cells;
        Path executed = dir.resolve("cell-tags.ipynb");
        try (NotebookExecution run = new NotebookRunner("auto", Duration.ofMinutes(2)).open(Path.of("src/test/notebooks/cell-tags.ipynb"))) {
            cells = run.runAll();
            run.write(executed);
        }
        assertThat(cells).extracting(CellResult::status)
                .containsExactly(Status.PASSED, Status.SKIPPED, Status.PASSED, Status.PASSED, Status.FAILED, Status.SKIPPED);
        assertThat(cells.get(4).problem()).isEqualTo("Timeout: timed out after 2 s and was interrupted");
        assertThat(cells.get(5).problem()).startsWith("not run: cell 6: Thread.sleep(60_000); failed");

        JsonNode notebook = new ObjectMapper().readTree(Files.readString(executed));
        JsonNode first = notebook.path("cells").get(1);
        assertThat(first.path("execution_count").asInt()).isEqualTo(1);
        assertThat(first.path("outputs").get(0).path("output_type").asText()).isEqualTo("execute_result");
        assertThat(first.path("outputs").get(0).path("data").path("text/plain").asText()).isEqualTo("42");
        assertThat(notebook.path("cells").get(2).path("execution_count").isNull()).isTrue();
        JsonNode error = notebook.path("cells").get(3).path("outputs").get(0);
        assertThat(error.path("output_type").asText()).isEqualTo("error");
        assertThat(error.path("ename").asText()).isEqualTo("IllegalStateException");
        assertThat(notebook.path("cells").get(4).path("outputs").get(0).path("text").asText()).isEqualTo("after the expected error\n");
    }
}
