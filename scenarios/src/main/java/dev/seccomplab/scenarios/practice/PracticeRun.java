package dev.seccomplab.scenarios.practice;

import dev.seccomplab.environments.Progress;
import dev.seccomplab.scenarios.CheckResult;
import dev.seccomplab.scenarios.LabSession;
import dev.seccomplab.scenarios.ScenarioResult;
import java.nio.file.Path;
import java.util.List;

/**
 * One trainee's work on one task in a started session: the flow every front end shares
 * ({@code lab practice}, its exam, a notebook's {@code lab.practice(...)}), so that each only
 * renders what this returns. Grading records the grade beside the trainee's files.
 */
public final class PracticeRun {

    private final PracticeDirectory directory;
    private final LabSession session;
    private final Progress progress;

    public PracticeRun(PracticeDirectory directory, LabSession session, Progress progress) {
        this.directory = directory;
        this.session = session;
        this.progress = progress;
    }

    /**
     * The task as it starts: its files (written unless the trainee has some already) and what
     * applying them gives, a row for each workload's start.
     *
     * @param filesWritten false when the trainee's files were kept as they were
     */
    public record Started(PracticeTask task, boolean filesWritten, Path folder, List<Path> files, List<CheckResult> startingState) {
    }

    /** Writes the starting files, unless the task was started before, and applies them as they are. */
    public Started start() {
        boolean written = directory.start();
        return new Started(directory.task(), written, directory.path(), directory.files(), Grader.applyOnly(directory, session, progress));
    }

    /** Applies the trainee's files as an exam node would take them, grades what runs, and records the grade. */
    public ScenarioResult check() {
        return Grader.grade(directory, session, progress);
    }

    /**
     * Grades what the trainee applied themselves in {@code namespace}, the exam's way, and records
     * the grade; nothing of theirs is applied.
     */
    public ScenarioResult checkLive(String namespace) {
        return Grader.gradeLive(directory, namespace, session, progress);
    }
}
