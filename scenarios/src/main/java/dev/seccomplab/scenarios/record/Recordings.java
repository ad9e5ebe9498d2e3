package dev.seccomplab.scenarios.record;

import dev.seccomplab.scenarios.ClasspathText;
import dev.seccomplab.scenarios.ScenarioSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The built-in recordings, in the order of {@code recordings/index.txt}, and recordings of one's own on disk. */
public final class Recordings {

    static final String INDEX = "recordings/index.txt";
    private static final List<Recording> BUILT_IN = ClasspathText.index(INDEX).stream()
            .map(file -> RecordingFile.read(ClasspathText.require("recordings/" + file), new ScenarioSource.OnClasspath("recordings/" + file)))
            .toList();

    private Recordings() {
    }

    public static List<Recording> builtIn() {
        return BUILT_IN;
    }

    /** A built-in recording by name, or a recording file by path. */
    public static Recording find(String nameOrFile) {
        Path file = Path.of(nameOrFile);
        if (nameOrFile.endsWith(".yaml") || nameOrFile.endsWith(".yml")) {
            try {
                return RecordingFile.read(Files.readString(file), new ScenarioSource.OnDisk(file));
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the recording file " + file + ": " + e, e);
            }
        }
        return BUILT_IN.stream().filter(recording -> recording.name().equals(nameOrFile)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown recording '" + nameOrFile + "'; known recordings: "
                        + String.join(", ", names()) + ", or the path of a recording's .yaml file"));
    }

    public static List<String> names() {
        return BUILT_IN.stream().map(Recording::name).toList();
    }
}
