package dev.seccomplab.scenarios.practice;

import dev.seccomplab.scenarios.ClasspathText;
import dev.seccomplab.scenarios.ScenarioFileException;
import dev.seccomplab.scenarios.ScenarioSource;
import dev.seccomplab.scenarios.UniqueNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Sets of practice tasks: the built-in ones (task folders in the scenarios jar, under
 * {@code practice/}), or an instructor's own folders. Every task of a set is read and checked
 * before anything starts.
 */
public final class PracticeTasks {

    static final String INDEX = "practice/index.txt";
    private static final PracticeTasks BUILT_IN = new PracticeTasks(ClasspathText.index(INDEX).stream()
            .map(name -> PracticeTaskFile.read(ClasspathText.require("practice/" + name + "/" + PracticeTaskFile.FILE),
                    new ScenarioSource.OnClasspath("practice/" + name + "/" + PracticeTaskFile.FILE)))
            .toList());

    private final List<PracticeTask> tasks;

    private PracticeTasks(List<PracticeTask> tasks) {
        this.tasks = UniqueNames.require(tasks, PracticeTask::name, PracticeTask::source, "task");
    }

    public static PracticeTasks builtIn() {
        return BUILT_IN;
    }

    /**
     * An instructor's tasks: {@code folder} is one task's folder (it holds {@code task.yaml}), or a
     * folder of such folders, read in name order.
     *
     * @throws ScenarioFileException for the first task that cannot be used, naming its file and line
     */
    public static PracticeTasks in(Path folder) {
        if (Files.isRegularFile(folder.resolve(PracticeTaskFile.FILE))) {
            return new PracticeTasks(List.of(read(folder.resolve(PracticeTaskFile.FILE))));
        }
        if (!Files.isDirectory(folder)) {
            throw new ScenarioFileException(folder.toString(), 0, "", "no such folder; --tasks names a task's folder or a folder of them");
        }
        try (Stream<Path> children = Files.list(folder)) {
            List<Path> files = children.map(child -> child.resolve(PracticeTaskFile.FILE)).filter(Files::isRegularFile).sorted().toList();
            if (files.isEmpty()) {
                throw new ScenarioFileException(folder.toString(), 0, "", "holds no task: a task is a folder with a "
                        + PracticeTaskFile.FILE + " and its start/ files (docs/practice.md shows one)");
            }
            return new PracticeTasks(files.stream().map(PracticeTasks::read).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    public List<PracticeTask> all() {
        return tasks;
    }

    public PracticeTask named(String name) {
        return tasks.stream().filter(task -> task.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no practice task '" + name + "'; the tasks are "
                        + String.join(", ", tasks.stream().map(PracticeTask::name).toList()) + " ('lab practice list' shows them)"));
    }

    private static PracticeTask read(Path file) {
        try {
            return PracticeTaskFile.read(Files.readString(file), new ScenarioSource.OnDisk(file));
        } catch (IOException e) {
            throw new ScenarioFileException(file.toString(), 0, "", "cannot be read: " + e.getMessage());
        }
    }
}
