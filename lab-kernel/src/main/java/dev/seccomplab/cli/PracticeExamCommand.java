package dev.seccomplab.cli;

import dev.seccomplab.report.ElapsedProgress;
import dev.seccomplab.scenarios.ScenarioResult;
import dev.seccomplab.scenarios.practice.PracticeDirectory;
import dev.seccomplab.scenarios.practice.PracticeRun;
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

    @Option(names = "--deal", defaultValue = "3", paramLabel = "N", description = "How many tasks are dealt (default: ${DEFAULT-VALUE}).")
    int taskCount;

    @Mixin
    PracticeCommand.TaskFolder taskFolder;

    @Option(names = "--seed", description = "Deals the same tasks as an earlier exam with this seed (default: a new deal).")
    Long seed;

    @Override
    public Integer call() {
        PracticeTasks catalogue = taskFolder.tasks();
        int available = catalogue.all().size();
        if (taskCount < 1 || taskCount > available) {
            throw new IllegalArgumentException("--deal takes 1 to " + available + ", got " + taskCount);
        }
        if (minutes < 1) {
            throw new IllegalArgumentException("--minutes takes 1 or more, got " + minutes);
        }
        long dealt = seed != null ? seed : new Random().nextLong();
        List<PracticeTask> tasks = new ArrayList<>(catalogue.all());
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
        PracticeGrades grades = where.session.run(progress, session -> {
                    List<PracticeRun> runs = directories.stream().map(directory -> new PracticeRun(directory, session, progress)).toList();
                    for (int i = 0; i < runs.size(); i++) {
                        printTask(out, i + 1, runs.get(i).start());
                    }
                    ExamClock.waitForHandIn(Duration.ofMinutes(minutes), System.in, out);
                    List<ScenarioResult> results = runs.stream().map(PracticeRun::check).toList();
                    return PracticeGrades.of(session, started, results);
                });
        long solved = grades.suite().scenarios().stream().filter(ScenarioResult::passed).count();
        int exit = grades.print(out, where.reportDirectory);
        out.printf("Score: %d of %d tasks solved.%n", solved, taskCount);
        out.flush();
        return exit;
    }

    private void printTask(PrintWriter out, int number, PracticeRun.Started started) {
        PracticeTask task = started.task();
        out.println();
        out.println("Task " + number + " of " + taskCount + ": " + task.title() + " (" + task.name() + ")");
        task.goal().lines().forEach(line -> out.println("  " + line));
        out.println("  Files: " + String.join(", ", started.files().stream().map(f -> started.folder().relativize(f).toString()).toList())
                + " in " + started.folder());
        out.println("  Starting state:");
        started.startingState().forEach(row -> out.println("  " + PracticeCommand.startingState(row)));
        out.flush();
    }
}
