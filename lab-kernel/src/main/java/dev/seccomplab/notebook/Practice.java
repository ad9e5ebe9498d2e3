package dev.seccomplab.notebook;

import dev.seccomplab.environments.Progress;
import dev.seccomplab.scenarios.LabSession;
import dev.seccomplab.scenarios.Outcome;
import dev.seccomplab.scenarios.ScenarioResult;
import dev.seccomplab.scenarios.practice.PracticeRun;
import dev.seccomplab.scenarios.practice.PracticeDirectory;
import dev.seccomplab.scenarios.practice.PracticeTask;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A practice task from notebook cells: the same files, hints and grader as {@code lab practice},
 * with the grader's table rendered in the notebook.
 */
public final class Practice {

    private final PracticeDirectory directory;
    private final Supplier<LabSession> session;
    private final Progress progress;

    Practice(PracticeDirectory directory, Supplier<LabSession> session, Progress progress) {
        this.directory = directory;
        this.session = session;
        this.progress = progress;
    }

    private PracticeRun run() {
        return new PracticeRun(directory, session.get(), progress);
    }

    /** Writes the starting files (a started task keeps yours: {@link #reset()} puts them back), applies them, and shows the goal and the files. */
    public Practice start() {
        PracticeRun run = run();
        PracticeRun.Started started = Blocking.call(run::start);
        PracticeTask task = started.task();
        Display.markdown("**" + task.title() + "** (`" + task.name() + "`)\n\n"
                + task.goal().lines().map(line -> "> " + line).collect(Collectors.joining("\n")) + "\n\n"
                + "Your files, in `" + started.folder() + "`: "
                + started.files().stream().map(f -> "`" + started.folder().relativize(f) + "`").collect(Collectors.joining(", "))
                + "\n\nStarting state: " + started.startingState().stream().map(row -> row.check() + " " + row.observed())
                        .collect(Collectors.joining("; ")));
        return this;
    }

    /** Shows one of your files and returns its text. */
    public String file(String relative) {
        String text = directory.read(relative).orElseThrow(() -> new IllegalArgumentException("no file " + relative + " in "
                + directory.path() + "; the task's files are " + directory.task().startingFiles().keySet()));
        Display.markdown("`" + relative + "`\n\n```\n" + text + (text.endsWith("\n") ? "" : "\n") + "```");
        return text;
    }

    /** Replaces one of your files, as an editor would. */
    public Practice write(String relative, String content) {
        directory.write(relative, content);
        System.out.println("wrote " + directory.path().resolve(relative));
        return this;
    }

    /** The next hint, one per call. */
    public void hint() {
        directory.nextHint().ifPresentOrElse(
                hint -> Display.markdown(hint.toString()),
                () -> Display.markdown("No more hints: `check()` shows what the pods do now, row by row."));
    }

    /** Applies your files and grades the running pods; the cell fails unless the task is solved. */
    public ScenarioResult check() {
        return LabView.checksThatMustNotFail(grade());
    }

    /** Grades a wrong answer on purpose: the cell fails if the grader lets it pass. */
    public ScenarioResult expectNotSolved() {
        ScenarioResult result = grade();
        LabView.checks(result);
        if (result.outcome() == Outcome.PASSED) {
            throw new ExpectationFailed(directory.task().name() + " passed, but this answer must not: the grader missed it");
        }
        return result;
    }

    /** Puts your files and the hints back as the task started. */
    public Practice reset() {
        directory.reset();
        System.out.println("restored " + directory.path() + " to the start of " + directory.task().name());
        return this;
    }

    @Override
    public String toString() {
        return "practice task " + directory.task().name() + " (" + directory.task().title() + "), your files in " + directory.path();
    }

    private ScenarioResult grade() {
        PracticeRun run = run();
        return Blocking.call(run::check);
    }
}
