package dev.seccomplab.scenarios.practice;

import dev.seccomplab.environments.Progress;
import dev.seccomplab.environments.Workload;
import dev.seccomplab.scenarios.CheckResult;
import dev.seccomplab.scenarios.LabSession;
import dev.seccomplab.scenarios.LabSession.SessionPod;
import dev.seccomplab.scenarios.ScenarioResult;
import dev.seccomplab.scenarios.Unobserved;
import dev.seccomplab.scenarios.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Applies a trainee's files as an exam node would take them, and grades what runs. The node gets
 * the trainee's kubelet setting (or the task's), the Localhost profiles go where the kubelet
 * looks, each workload must start, and only then are its checks run on the live pod. Solved
 * means every row passed; a host limit or an error is never a pass.
 */
final class Grader {

    static final String RUNNING = "Running";

    private Grader() {
    }

    /**
     * Applies the files and checks every workload of the task: a row for each workload's start,
     * then one per check. The grade is remembered beside the files ({@code lab practice list}).
     */
    static ScenarioResult grade(PracticeDirectory directory, LabSession session, Progress progress) {
        long start = System.nanoTime();
        PracticeTask task = directory.task();
        List<CheckResult> rows = new ArrayList<>();
        apply(directory, session, progress, rows).ifPresent(setup -> {
            for (Grading.WorkloadChecks expected : task.grading().workloads()) {
                started(task, expected.workload(), setup, session, rows).ifPresent(pod -> checked(task, expected, pod, session, rows));
            }
        });
        ScenarioResult result = new ScenarioResult(task.name(), task.title(), rows, Duration.ofNanos(System.nanoTime() - start));
        directory.recordGrade(result.passed());
        return result;
    }

    /**
     * Grades what runs on the cluster now, the exam's way: the trainee applied the workloads with
     * kubectl in {@code namespace}, edited the node's files and restarted its kubelet; nothing of
     * theirs is applied here. Only the task's own probe is started, after the trainee's changes.
     */
    static ScenarioResult gradeLive(PracticeDirectory directory, String namespace, LabSession session, Progress progress) {
        long start = System.nanoTime();
        PracticeTask task = directory.task();
        List<CheckResult> rows = new ArrayList<>();
        Optional<Workload> probe = task.grading().probe();
        for (Grading.WorkloadChecks expected : task.grading().workloads()) {
            Optional<Workload> own = probe.filter(workload -> workload.name().equals(expected.workload()));
            runs(task, expected.workload(), rows, () -> own.isPresent()
                    ? session.applyWorkload(own.get(), "practice probe " + expected.workload())
                    : session.useRunning(namespace, expected.workload(), "practice " + expected.workload()))
                    .ifPresent(pod -> checked(task, expected, pod, session, rows));
        }
        progress.step("graded " + task.name() + " on what runs in namespace " + namespace);
        ScenarioResult result = new ScenarioResult(task.name(), task.title(), rows, Duration.ofNanos(System.nanoTime() - start));
        directory.recordGrade(result.passed());
        return result;
    }

    /** Applies the files as they are, with no checks: the starting state, a row for each workload's start. */
    static List<CheckResult> applyOnly(PracticeDirectory directory, LabSession session, Progress progress) {
        List<CheckResult> rows = new ArrayList<>();
        apply(directory, session, progress, rows).ifPresent(setup -> directory.task().grading().workloads()
                .forEach(expected -> started(directory.task(), expected.workload(), setup, session, rows)));
        return rows;
    }

    private static Optional<TraineeSetup> apply(PracticeDirectory directory, LabSession session, Progress progress,
                                                List<CheckResult> rows) {
        PracticeTask task = directory.task();
        TraineeSetup setup;
        try {
            setup = TraineeSetup.read(directory);
        } catch (TraineeSetup.UnusableFileException e) {
            rows.add(row(task, "your files", "usable", "not usable: " + e.getMessage(), Verdict.FAIL, e.getMessage()));
            return Optional.empty();
        }
        String wanted = "seccompDefault: " + setup.seccompDefault();
        try {
            session.setSeccompDefault(setup.seccompDefault(), progress);
        } catch (RuntimeException e) {
            rows.add(Unobserved.of(e, Verdict.ERROR, "could not be set").row(task.name(), "node: kubelet seccompDefault", wanted));
            return Optional.empty();
        }
        setup.localhostProfiles().forEach(session::installLocalhostProfile);
        return Optional.of(setup);
    }

    /** Starts one of the trainee's workloads from their files; its row says whether it runs, and why not. */
    private static Optional<SessionPod> started(PracticeTask task, String name, TraineeSetup setup, LabSession session,
                                                List<CheckResult> rows) {
        Optional<Workload> workload = setup.workload(name);
        if (workload.isEmpty()) {
            rows.add(row(task, name + ": runs", RUNNING, "no workload named " + name + " in your files", Verdict.FAIL,
                    "the task grades " + name + "; found " + setup.workloads().keySet()));
            return Optional.empty();
        }
        return runs(task, name, rows, () -> session.applyWorkload(workload.get(), "practice " + name));
    }

    /** The row of a workload's start: it runs, or why not (a host limit, not applicable here, or its own failure). */
    private static Optional<SessionPod> runs(PracticeTask task, String name, List<CheckResult> rows, Supplier<SessionPod> start) {
        String check = name + ": runs";
        try {
            SessionPod pod = start.get();
            rows.add(row(task, check, RUNNING, RUNNING, Verdict.PASS, "pod " + pod.name()));
            return Optional.of(pod);
        } catch (RuntimeException e) {
            rows.add(Unobserved.of(e, Verdict.FAIL, "does not run: " + firstLine(e.getMessage())).row(task.name(), check, RUNNING));
            return Optional.empty();
        }
    }

    /** The task's checks on a workload's running pod, each a row named after the workload. */
    private static void checked(PracticeTask task, Grading.WorkloadChecks expected, SessionPod pod, LabSession session,
                                List<CheckResult> rows) {
        session.check(pod, task.title(), expected.checks()).checks().forEach(check -> rows.add(new CheckResult(task.name(),
                expected.workload() + ": " + check.check(), check.expected(), check.observed(), check.verdict(), check.evidence())));
    }

    private static CheckResult row(PracticeTask task, String check, String expected, String observed, Verdict verdict, String evidence) {
        return new CheckResult(task.name(), check, expected, observed, verdict, evidence);
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
