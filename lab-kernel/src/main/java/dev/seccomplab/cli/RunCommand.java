package dev.seccomplab.cli;

import dev.seccomplab.report.ConsoleReport;
import dev.seccomplab.report.ElapsedProgress;
import dev.seccomplab.report.ReportWriter;
import dev.seccomplab.scenarios.Scenario;
import dev.seccomplab.scenarios.ScenarioCatalogue;
import dev.seccomplab.scenarios.SuiteResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "run",
        description = "Runs seccomp scenarios (all by default) and prints what the kernel showed.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every check passed",
            "1:a check failed or could not observe",
            "2:bad usage (an unknown scenario, a broken manifest)",
            "3:no check failed, but some were host limits or not applicable",
            "4:the environment could not start"})
final class RunCommand implements Callable<Integer> {

    static final int FAILED = 1;
    static final int NOT_ALL_JUDGED = 3;

    @Spec
    CommandSpec spec;

    @Mixin
    SessionFlags sessionFlags;

    @Option(names = "--report", defaultValue = "lab-report", description = "Directory for report.html, report.json and junit.xml (default: ${DEFAULT-VALUE}).")
    Path reportDirectory;

    @Option(names = "--parallel", defaultValue = "4", description = "Scenarios run at once (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(names = "--scenarios", paramLabel = "FILE|DIR",
            description = "Scenario files to run instead of the built-in ones (a directory: every *.yaml in it). "
                    + "Repeatable. Format: docs/scenario-files.md.")
    List<Path> scenarioFiles;

    @Option(names = "--with-builtin", description = "With --scenarios: run the built-in scenarios too.")
    boolean withBuiltIn;

    @Parameters(paramLabel = "SCENARIO", arity = "0..*", description = "Scenarios to run, by name; all when none is named.")
    List<String> scenarioNames;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Scenario> scenarios = catalogue().select(scenarioNames);
        ElapsedProgress progress = new ElapsedProgress(out);
        SuiteResult suite = sessionFlags.run(progress, session -> session.runSuite(scenarios, parallelism, progress));
        out.println();
        ConsoleReport.print(suite, out);
        List<Path> files = ReportWriter.write(suite, reportDirectory);
        out.println("Report: " + String.join(", ", files.stream().map(Path::toString).toList()));
        out.flush();
        return exitCode(suite);
    }

    /** Every scenario file is read and checked here, before any environment starts. */
    private ScenarioCatalogue catalogue() {
        if (scenarioFiles == null || scenarioFiles.isEmpty()) {
            if (withBuiltIn) {
                throw new IllegalArgumentException("--with-builtin goes with --scenarios");
            }
            return ScenarioCatalogue.builtIn();
        }
        ScenarioCatalogue own = ScenarioCatalogue.fromFiles(scenarioFiles);
        return withBuiltIn ? ScenarioCatalogue.builtIn().with(own) : own;
    }

    static int exitCode(SuiteResult suite) {
        return switch (suite.outcome()) {
            case PASSED -> 0;
            case FAILED -> FAILED;
            case NOT_JUDGED -> NOT_ALL_JUDGED;
        };
    }
}
