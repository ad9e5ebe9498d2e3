package dev.seccomplab.scenarios.practice;

import dev.seccomplab.environments.EnumWords;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A trainee's files for one task, {@code <root>/<task>/}, as on an exam node: written from the
 * task's start, edited by the trainee, read by the grader. A small state file beside them counts
 * the hints shown and remembers the last grade.
 */
public final class PracticeDirectory {

    static final String STATE = ".practice-state";

    public enum Status {
        NOT_STARTED, STARTED, SOLVED;

        /** As lists write it, e.g. "not started". */
        public String words() {
            return EnumWords.of(this);
        }
    }

    private final PracticeTask task;
    private final Path directory;

    public PracticeDirectory(Path root, PracticeTask task) {
        this.task = task;
        this.directory = root.resolve(task.name());
    }

    public PracticeTask task() {
        return task;
    }

    public Path path() {
        return directory;
    }

    public boolean started() {
        return Files.isDirectory(directory);
    }

    /** Writes the starting files, unless the task was started before: a trainee's edits are never overwritten here. */
    public boolean start() {
        if (started()) {
            return false;
        }
        task.startingFiles().forEach(this::write);
        saveState(new Properties());
        return true;
    }

    /** Puts the task back as it started: the trainee's files, extra ones included, and the hints. */
    public void reset() {
        if (started()) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot remove " + directory + ": " + e.getMessage(), e);
            }
        }
        start();
    }

    /** A file of the trainee's, relative to the task's directory; empty when it is not there. */
    public Optional<String> read(String relative) {
        try {
            return Optional.of(Files.readString(directory.resolve(relative)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + directory.resolve(relative) + ": " + e.getMessage(), e);
        }
    }

    public void write(String relative, String content) {
        Path file = directory.resolve(relative).normalize();
        if (!file.startsWith(directory)) {
            throw new IllegalArgumentException(relative + " is outside " + directory);
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The {@code *.json} files below one of the trainee's directories, by their path relative to it. */
    public Map<String, String> jsonFilesBelow(String relative) {
        Path base = directory.resolve(relative);
        Map<String, String> files = new LinkedHashMap<>();
        if (!Files.isDirectory(base)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(base)) {
            for (Path file : walk.filter(f -> f.toString().endsWith(".json") && Files.isRegularFile(f)).sorted().toList()) {
                files.put(base.relativize(file).toString(), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + base + ": " + e.getMessage(), e);
        }
        return files;
    }

    /** The next hint, or empty when every hint was shown; counted so that each call gives one more. */
    public Optional<Hint> nextHint() {
        Properties state = loadState();
        int shown = Integer.parseInt(state.getProperty("hints", "0"));
        if (shown >= task.hints().size()) {
            return Optional.empty();
        }
        state.setProperty("hints", Integer.toString(shown + 1));
        saveState(state);
        return Optional.of(new Hint(shown + 1, task.hints().size(), task.hints().get(shown)));
    }

    /** One hint, numbered among the task's hints. */
    public record Hint(int number, int of, String text) {

        /** As every front end shows it: "Hint 2 of 3: …". */
        @Override
        public String toString() {
            return "Hint " + number + " of " + of + ": " + text;
        }
    }

    public void recordGrade(boolean solved) {
        Properties state = loadState();
        state.setProperty("solved", Boolean.toString(solved));
        saveState(state);
    }

    public Status status() {
        if (!started()) {
            return Status.NOT_STARTED;
        }
        return Boolean.parseBoolean(loadState().getProperty("solved")) ? Status.SOLVED : Status.STARTED;
    }

    /** The trainee's files as they are now, for showing. */
    public List<Path> files() {
        if (!started()) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals(STATE)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + directory + ": " + e.getMessage(), e);
        }
    }

    private Properties loadState() {
        Properties state = new Properties();
        try (Reader in = Files.newBufferedReader(directory.resolve(STATE))) {
            state.load(in);
        } catch (NoSuchFileException e) {
            return state;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + directory.resolve(STATE) + ": " + e.getMessage(), e);
        }
        return state;
    }

    private void saveState(Properties state) {
        try {
            Files.createDirectories(directory);
            try (Writer out = Files.newBufferedWriter(directory.resolve(STATE))) {
                state.store(out, "lab practice: hints shown and the last grade of " + task.name());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + directory.resolve(STATE) + ": " + e.getMessage(), e);
        }
    }
}
