package dev.seccomplab.cli;

import dev.seccomplab.report.ConsoleReport;
import dev.seccomplab.report.ReportWriter;
import dev.seccomplab.scenarios.LabSession;
import dev.seccomplab.scenarios.ScenarioResult;
import dev.seccomplab.scenarios.SuiteResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Graded tasks, as the table, a verdict per task, the reports and an exit code. */
record PracticeGrades(SuiteResult suite) {

    static PracticeGrades of(LabSession session, Instant started, List<ScenarioResult> tasks) {
        return new PracticeGrades(new SuiteResult(session.environment().name(), session.environment().description(), started,
                Duration.between(started, Instant.now()), tasks));
    }

    /** Prints the grades, writes the reports, and returns the exit code of {@code lab practice check}. */
    int print(PrintWriter out, Path reportDirectory) {
        out.println();
        ConsoleReport.print(suite, ConsoleReport.TASK, out);
        for (ScenarioResult task : suite.scenarios()) {
            out.println(task.scenario() + ": " + (task.passed() ? "SOLVED" : "not solved"));
        }
        List<Path> files = ReportWriter.write(suite, reportDirectory);
        out.println("Report: " + String.join(", ", files.stream().map(Path::toString).toList()));
        out.flush();
        return RunCommand.exitCode(suite);
    }
}
