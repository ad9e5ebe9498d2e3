package dev.seccomplab.cli;

import dev.seccomplab.environments.Progress;
import dev.seccomplab.environments.local.LocalEnvironment;
import dev.seccomplab.scenarios.LabSession;
import dev.seccomplab.report.ElapsedProgress;
import dev.seccomplab.scenarios.CheckResult;
import dev.seccomplab.scenarios.practice.PracticeDirectory;
import dev.seccomplab.scenarios.practice.PracticeRun;
import dev.seccomplab.scenarios.practice.PracticeTask;
import dev.seccomplab.scenarios.practice.PracticeTasks;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lab practice}: CKS-style tasks, graded on what the running processes show. */
@Command(name = "practice", description = "CKS-style seccomp tasks, graded on the running pods, not on the YAML.",
        subcommands = {PracticeCommand.ListTasks.class, PracticeCommand.Start.class, PracticeCommand.Check.class,
            PracticeCommand.Hint.class, PracticeCommand.Reset.class, PracticeExamCommand.class})
final class PracticeCommand {

    /** Which tasks there are, and where the trainee's files go. */
    static final class Files {
        @Option(names = "--dir", defaultValue = "practice", paramLabel = "DIR",
                description = "Directory of your task files, one subdirectory per task (default: ${DEFAULT-VALUE}).")
        Path root;

        @Mixin
        TaskFolder taskFolder;

        PracticeDirectory of(PracticeTask task) {
            return new PracticeDirectory(root, task);
        }

        PracticeDirectory of(String taskName) {
            return of(taskFolder.tasks().named(taskName));
        }

        PracticeDirectory started(String taskName) {
            PracticeDirectory directory = of(taskName);
            if (!directory.started()) {
                throw new IllegalArgumentException(taskName + " is not started in " + root + "; 'lab practice start " + taskName
                        + "' writes its files");
            }
            return directory;
        }
    }

    /** The built-in tasks, or an instructor's own folder of them. */
    static final class TaskFolder {
        @Option(names = "--tasks", paramLabel = "DIR", description = "An instructor's tasks instead of the built-in ones: a task's "
                + "folder (its task.yaml and start/) or a folder of them. Format: docs/practice.md.")
        Path folder;

        /** Every task file is read and checked here, before anything starts. */
        PracticeTasks tasks() {
            return folder == null ? PracticeTasks.builtIn() : PracticeTasks.in(folder);
        }
    }

    /** Where pods run and where reports go, for the commands that apply files. */
    static final class Where {
        @Mixin
        SessionFlags session;

        @Option(names = "--report", defaultValue = "lab-report/practice",
                description = "Directory for report.html, report.json and junit.xml (default: ${DEFAULT-VALUE}).")
        Path reportDirectory;
    }

    /**
     * The exam's way: the trainee applies with kubectl on the running local cluster, edits the node's
     * files and restarts its kubelet; the grader applies nothing of theirs and reads what runs.
     */
    static final class Live {
        @Option(names = "--live", description = "Work the exam's way on the running local cluster ('lab cluster up'): you apply "
                + "with kubectl and restart the kubelet yourself; the grader looks at what runs.")
        boolean live;

        @Option(names = "--namespace", defaultValue = "default", description = "With --live: the namespace of your workloads "
                + "(default: ${DEFAULT-VALUE}).")
        String namespace;
    }

    /** What every command on one task takes: the task's name and where its files are. */
    abstract static class OnTask implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Files files;
        @Parameters(paramLabel = "TASK", description = "A task's name, as 'lab practice list' shows it.")
        String taskName;
    }

    static void printGoal(PrintWriter out, PracticeTask task) {
        out.println();
        out.println("Goal:");
        task.goal().lines().forEach(line -> out.println("  " + line));
        out.println();
    }

    static String startingState(CheckResult row) {
        return String.format("  %-24s %s", row.check(), row.observed());
    }

    @Command(name = "list", description = "Lists the tasks and how far you got with each.")
    static final class ListTasks implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Files files;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<PracticeTask> tasks = files.taskFolder.tasks().all();
            out.printf("%-28s  %-12s  %s%n", "TASK", "STATUS", "TITLE");
            for (PracticeTask task : tasks) {
                out.printf("%-28s  %-12s  %s%n", task.name(), files.of(task).status().words(), task.title());
            }
            out.println();
            out.println("Start one with: lab practice start TASK");
            out.flush();
            return 0;
        }
    }

    @Command(name = "start", description = "Writes a task's starting files, applies them, and prints the goal.")
    static final class Start extends OnTask {
        @Mixin
        Where where;
        @Mixin
        Live live;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PracticeDirectory directory = files.of(taskName);
            PracticeTask task = directory.task();
            out.println("Task " + task.name() + ": " + task.title());
            out.flush();
            if (live.live) {
                printFiles(out, task, directory.start(), directory.path(), directory.files());
                return startLive(out, directory, task);
            }
            ElapsedProgress progress = new ElapsedProgress(out);
            PracticeRun.Started started = where.session.run(progress, session -> new PracticeRun(directory, session, progress).start());
            printFiles(out, task, started.filesWritten(), started.folder(), started.files());
            out.println();
            out.println("Starting state:");
            started.startingState().forEach(row -> out.println(startingState(row)));
            printGoal(out, task);
            out.println("Edit the files, then: lab practice check " + task.name());
            out.println("Stuck? One hint at a time: lab practice hint " + task.name());
            out.flush();
            return 0;
        }

        private static void printFiles(PrintWriter out, PracticeTask task, boolean written, Path folder, List<Path> files) {
            out.println(written ? "Your files, written to " + folder + ":"
                    : "Already started: your files in " + folder + " are kept as they are "
                            + "('lab practice reset " + task.name() + "' starts over):");
            files.forEach(file -> out.println("  " + folder.relativize(file)));
            out.flush();
        }

        /** Prints the goal and how to work on the running cluster: nothing is applied for the trainee. */
        private int startLive(PrintWriter out, PracticeDirectory directory, PracticeTask task) {
            try (LocalEnvironment local = LocalEnvironment.running()) {
                local.start(Progress.SILENT);
                printGoal(out, task);
                out.println("Work on the running local cluster as on an exam node, for example:");
                for (String manifest : task.grading().manifests()) {
                    out.println("  ./lab kubectl apply -n " + live.namespace + " -f " + directory.path().resolve(manifest));
                }
                task.grading().seccompProfiles().ifPresent(profiles -> out.println("  cp -r " + directory.path().resolve(profiles)
                        + "/. " + local.seccompProfileDirectory() + "/    # the node's /var/lib/kubelet/seccomp"));
                task.grading().kubeletConfig().ifPresent(file -> out.println("  vi " + local.kubeletConfig()
                        + "    # the node's /var/lib/kubelet/config.yaml (your " + file + " is a copy to start from)"));
                task.grading().kubeletConfig().ifPresent(file -> out.println("  ./lab cluster restart-kubelet"));
                out.println("  ./lab kubectl exec -n " + live.namespace + " POD -- grep Seccomp /proc/1/status");
                out.println();
                out.println("Then: lab practice check " + task.name() + " --live" + (live.namespace.equals("default") ? ""
                        : " --namespace " + live.namespace));
                out.println("Stuck? One hint at a time: lab practice hint " + task.name());
                out.flush();
                return 0;
            }
        }
    }

    @Command(name = "check", description = "Applies your files and grades what the running pods show.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:solved", "1:not solved yet", "2:bad usage (no such task, not started)",
                "3:nothing failed, but some checks were host limits or not applicable here", "4:the environment could not start"})
    static final class Check extends OnTask {
        @Mixin
        Where where;
        @Mixin
        Live live;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PracticeDirectory directory = files.started(taskName);
            Instant started = Instant.now();
            ElapsedProgress progress = new ElapsedProgress(out);
            if (live.live) {
                try (LocalEnvironment local = LocalEnvironment.running()) {
                    local.start(progress);
                    try (LabSession session = new LabSession(local, where.session.podTimeout)) {
                        return PracticeGrades.of(session, started, List.of(new PracticeRun(directory, session, progress).checkLive(live.namespace)))
                                .print(out, where.reportDirectory);
                    }
                }
            }
            PracticeGrades grades = where.session.run(progress, session -> PracticeGrades.of(session, started, List.of(new PracticeRun(directory, session, progress).check())));
            return grades.print(out, where.reportDirectory);
        }
    }

    @Command(name = "hint", description = "Shows the next hint of a task, one at a time.")
    static final class Hint extends OnTask {

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PracticeDirectory directory = files.started(taskName);
            directory.nextHint().ifPresentOrElse(
                    hint -> out.println(hint),
                    () -> out.println("No more hints for " + taskName + ". 'lab practice check " + taskName
                            + "' shows what the pods do now, row by row."));
            out.flush();
            return 0;
        }
    }

    @Command(name = "reset", description = "Puts a task's files back as they started, and its hints.")
    static final class Reset extends OnTask {

        @Override
        public Integer call() {
            PracticeDirectory directory = files.of(taskName);
            directory.reset();
            spec.commandLine().getOut().println("Restored " + directory.path() + " to the start of " + taskName
                    + "; 'lab practice start " + taskName + "' applies it and prints the goal again.");
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
