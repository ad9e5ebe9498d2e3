package dev.seccomplab.cli;

import dev.seccomplab.environments.EnvironmentChoice;
import dev.seccomplab.kernel.NotebookExecution;
import dev.seccomplab.kernel.NotebookExecution.CellResult;
import dev.seccomplab.kernel.NotebookReport;
import dev.seccomplab.kernel.NotebookRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "notebooks", description = "Notebooks as suites, with no Jupyter needed.",
        subcommands = {NotebooksCommand.Run.class})
final class NotebooksCommand {

    @Command(name = "run", description = "Runs notebooks cell by cell through the kernel's own evaluator and reports each cell.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:every cell as expected", "1:a cell failed", "2:bad usage (no such notebook or environment)"})
    static final class Run implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NOTEBOOK|DIR", arity = "0..*",
                description = "Notebooks, or directories of them (default: notebooks/).")
        List<Path> paths;

        @Option(names = "--env", defaultValue = EnvironmentChoice.AUTO, completionCandidates = EnvironmentFlags.EnvironmentNames.class,
                description = "Where every notebook's pods run: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        String environment;

        @Option(names = "--report", defaultValue = "lab-report/notebooks",
                description = "Directory for the executed notebooks, junit.xml and report.html (default: ${DEFAULT-VALUE}).")
        Path reportDirectory;

        @Option(names = "--cell-timeout", defaultValue = "PT10M",
                description = "A cell's time limit unless its tag timeout=SECONDS says otherwise, ISO-8601 (default: ${DEFAULT-VALUE}).")
        Duration cellTimeout;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            String environment = EnvironmentChoice.known(this.environment);
            List<Path> notebooks = notebooks(paths == null || paths.isEmpty() ? List.of(Path.of("notebooks")) : paths);
            NotebookRunner runner = new NotebookRunner(environment, cellTimeout);
            List<NotebookReport.Notebook> results = new ArrayList<>();
            for (Path notebook : notebooks) {
                out.println(notebook + ":");
                out.flush();
                try (NotebookExecution execution = runner.open(notebook)) {
                    for (int index : execution.codeCells()) {
                        CellResult cell = execution.run(index);
                        out.printf("  %-7s %5.1f s  %s%s%n", cell.status().name().toLowerCase(Locale.ROOT), cell.time().toMillis() / 1000.0,
                                cell.title(), cell.problem().isEmpty() ? "" : "\n          " + cell.problem());
                        out.flush();
                    }
                    Path executed = reportDirectory.resolve(notebook.getFileName());
                    execution.write(executed);
                    results.add(new NotebookReport.Notebook(notebook.getFileName().toString().replaceFirst("\\.ipynb$", ""),
                            executed, execution.results()));
                }
            }
            List<Path> files = NotebookReport.write(results, environment, reportDirectory);
            long failed = results.stream().mapToLong(NotebookReport.Notebook::failed).sum();
            out.println((failed == 0 ? "Every cell as expected" : failed + " cell(s) failed") + " in " + results.size()
                    + " notebook(s). Report: " + String.join(", ", files.stream().map(Path::toString).toList()));
            return failed == 0 ? 0 : 1;
        }

        private static List<Path> notebooks(List<Path> paths) {
            List<Path> notebooks = new ArrayList<>();
            for (Path path : paths) {
                if (Files.isDirectory(path)) {
                    try (Stream<Path> files = Files.list(path)) {
                        notebooks.addAll(files.filter(f -> f.toString().endsWith(".ipynb")).sorted().toList());
                    } catch (IOException e) {
                        throw new UncheckedIOException("Cannot list " + path, e);
                    }
                } else if (Files.isRegularFile(path)) {
                    notebooks.add(path);
                } else {
                    throw new IllegalArgumentException("no notebook or directory " + path);
                }
            }
            if (notebooks.isEmpty()) {
                throw new IllegalArgumentException("no notebooks in " + paths);
            }
            return notebooks;
        }
    }
}
