package dev.seccomplab.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seccomplab.environments.testing.Requirement;
import dev.seccomplab.environments.testing.RequiresLocal;
import dev.seccomplab.kernel.NotebookExecution;
import dev.seccomplab.kernel.NotebookExecution.CellResult;
import dev.seccomplab.kernel.NotebookRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The course as JUnit tests: a container per notebook, a test per code cell, run in order through
 * the kernel's own evaluator on the local cluster, a real kubelet that starts in seconds. An IDE
 * shows each cell as a test. (JupyterClientsIT runs the course through nbconvert on the default
 * environment, kind where its node image is built: a node start per notebook, so not twice.)
 */
@ExtendWith(RequiresLocal.class)
class CourseNotebooksIT {

    static final Path COURSE = Path.of("..", "notebooks");
    static final Path EXECUTED = Path.of("target", "executed-notebooks");

    @TestFactory
    Stream<DynamicNode> everyCellOfEveryLessonDoesWhatTheLessonSays() throws IOException {
        NotebookRunner runner = new NotebookRunner("local", Duration.ofMinutes(5));
        return courseNotebooks().stream().map(notebook -> notebookTests(runner, notebook));
    }

    static List<Path> courseNotebooks() throws IOException {
        try (Stream<Path> files = Files.list(COURSE)) {
            return files.filter(f -> f.toString().endsWith(".ipynb")).sorted().toList();
        }
    }

    private static DynamicContainer notebookTests(NotebookRunner runner, Path notebook) {
        NotebookRun run = new NotebookRun(runner, notebook);
        NotebookExecution.Outline outline = NotebookExecution.outline(notebook);
        List<Integer> cells = outline.codeCells();
        return DynamicContainer.dynamicContainer(notebook.getFileName().toString(), cells.stream().map(index ->
                DynamicTest.dynamicTest(outline.titles().get(cells.indexOf(index)), () -> {
                    CellResult result = run.run(index, index.equals(cells.get(cells.size() - 1)));
                    Requirement.skipUnless(result.status() != NotebookExecution.Status.SKIPPED, result.problem());
                    assertThat(result.status()).as(notebook.getFileName() + ", " + result.title() + ": " + result.problem())
                            .isEqualTo(NotebookExecution.Status.PASSED);
                })));
    }

    /** One notebook's execution, opened by its first cell's test and closed by its last. */
    private static final class NotebookRun {
        private final NotebookRunner runner;
        private final Path notebook;
        private NotebookExecution execution;

        NotebookRun(NotebookRunner runner, Path notebook) {
            this.runner = runner;
            this.notebook = notebook;
        }

        CellResult run(int index, boolean last) {
            if (execution == null) {
                execution = runner.open(notebook);
            }
            try {
                return execution.run(index);
            } finally {
                if (last) {
                    execution.write(EXECUTED.resolve(notebook.getFileName()));
                    execution.close();
                }
            }
        }
    }
}
