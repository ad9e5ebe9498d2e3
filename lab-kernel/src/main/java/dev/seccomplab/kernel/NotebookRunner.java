package dev.seccomplab.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Runs notebooks with no Jupyter at all, through the kernel's own evaluator: {@code lab notebooks run}
 * and the JUnit notebook suites. Each notebook gets a cell JVM and a {@code lab} of its own, on the
 * environment given.
 */
public final class NotebookRunner {

    public static final Duration DEFAULT_CELL_TIMEOUT = Duration.ofMinutes(10);

    private final String environment;
    private final Duration cellTimeout;

    /** @param environment what every notebook's {@code lab} runs on: auto, cri, docker, kind or cluster */
    public NotebookRunner(String environment, Duration cellTimeout) {
        this.environment = environment;
        this.cellTimeout = cellTimeout;
    }

    /** Opens a notebook for running; its cell JVM starts at once, in the background. */
    public NotebookExecution open(Path notebook) {
        CellClassPath classPath;
        try {
            classPath = CellClassPath.ofThisProcess();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the lab's class path", e);
        }
        JShellSession session = new JShellSession(classPath,
                LabKernel.startupCode("Lab.create(" + JavaLiteral.of(environment) + ")"));
        return new NotebookExecution(notebook, session, cellTimeout);
    }
}
