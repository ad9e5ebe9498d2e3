package dev.seccomplab.cli;

import dev.seccomplab.report.ElapsedProgress;
import dev.seccomplab.scenarios.CheckResult;
import dev.seccomplab.scenarios.ScenarioResult;
import dev.seccomplab.scenarios.practice.Grader;
import dev.seccomplab.scenarios.practice.PracticeDirectory;
import dev.seccomplab.scenarios.practice.PracticeTask;
import dev.seccomplab.scenarios.practice.PracticeTasks;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lab practice exam}: several tasks dealt at random, their starting states applied, a
 * countdown, and every task graded at the end, as on the exam.
 */
@Command(name = "exam", description = "Deals several tasks with a countdown and grades them all at the end.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every task solved", "1:a task not solved", "2:bad usage",
            "3:nothing failed, but some checks were host limits or not applicable here", "4:the environment could not start"})
final class PracticeExamCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PracticeCommand.Where where;

    @Option(names = "--dir", defaultValue = "practice/exam", paramLabel = "DIR",
            description = "Directory of the exam's task files; each task starts afresh here (default: ${DEFAULT-VALUE}).")
    Path root;

    @Option(names = "--minutes", defaultValue = "30", description = "Time for the whole exam (default: ${DEFAULT-VALUE}).")
    int minutes;

    @Option(names = "--tasks", defaultValue = "3", description = "How many tasks are dealt (default: ${DEFAULT-VALUE}).")
    int taskCount;

    @Option(names = "--seed", description = "Deals the same tasks as an earlier exam with this seed (default: a new deal).")
    Long seed;

    @Override
    public Integer call() {
        int available = PracticeTasks.all().size();
        if (taskCount < 1 || taskCount > available) {
            throw new IllegalArgumentException("--tasks takes 1 to " + available + ", got " + taskCount);
        }
        if (minutes < 1) {
            throw new IllegalArgumentException("--minutes takes 1 or more, got " + minutes);
        }
        long dealt = seed != null ? seed : new Random().nextLong();
        List<PracticeTask> tasks = new ArrayList<>(PracticeTasks.all());
        Collections.shuffle(tasks, new Random(dealt));
        List<PracticeDirectory> directories = tasks.subList(0, taskCount).stream().map(task -> new PracticeDirectory(root, task)).toList();
        directories.forEach(PracticeDirectory::reset);

        PrintWriter out = spec.commandLine().getOut();
        out.println("Exam: " + taskCount + (taskCount == 1 ? " task, " : " tasks, ") + minutes + (minutes == 1 ? " minute" : " minutes")
                + ". Your files are in " + root
                + " ('--seed " + dealt + "' deals the same tasks again).");
        out.flush();
        Instant started = Instant.now();
        ElapsedProgress progress = new ElapsedProgress(out);
        PracticeGrades grades = SessionForOneCommand.run(where.environment, where.environmentFlags.options(), where.podTimeout,
                progress, session -> {
                    for (int i = 0; i < directories.size(); i++) {
                        PracticeDirectory directory = directories.get(i);
                        List<CheckResult> startingState = Grader.applyOnly(directory, session, progress);
                        printTask(out, i + 1, directory, startingState);
                    }
                    ExamClock.waitForHandIn(Duration.ofMinutes(minutes), System.in, out);
                    List<ScenarioResult> results = directories.stream().map(directory -> Grader.grade(directory, session, progress)).toList();
                    return PracticeGrades.of(session, started, results);
                });
        long solved = grades.suite().scenarios().stream().filter(ScenarioResult::passed).count();
        int exit = grades.print(out, where.reportDirectory);
        out.printf("Score: %d of %d tasks solved.%n", solved, taskCount);
        out.flush();
        return exit;
    }

    private void printTask(PrintWriter out, int number, PracticeDirectory directory, List<CheckResult> startingState) {
        PracticeTask task = directory.task();
        out.println();
        out.println("Task " + number + " of " + taskCount + ": " + task.title() + " (" + task.name() + ")");
        task.goal().lines().forEach(line -> out.println("  " + line));
        out.println("  Files: " + String.join(", ", directory.files().stream().map(f -> directory.path().relativize(f).toString()).toList())
                + " in " + directory.path());
        out.println("  Starting state:");
        startingState.forEach(row -> out.println("  " + PracticeCommand.startingState(row)));
        out.flush();
    }
}
