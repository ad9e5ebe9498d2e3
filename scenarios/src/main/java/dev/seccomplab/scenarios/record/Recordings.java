package dev.seccomplab.scenarios.record;

import dev.seccomplab.environments.Manifests;
import dev.seccomplab.environments.Workload;
import dev.seccomplab.scenarios.ClasspathText;
import dev.seccomplab.scenarios.ScenarioSource;
import dev.seccomplab.scenarios.checks.Check;
import dev.seccomplab.scenarios.checks.CommandOutcome;
import dev.seccomplab.scenarios.checks.CommandOutcomeCheck;
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

    /**
     * A recording of a manifest's one workload (a Pod or Deployment file, such as a practice task's),
     * without a recording file: the commands are split on spaces, as scenario files' are.
     *
     * @param refused commands that must fail with an errno under the recorded profile
     */
    public static Recording ofManifest(Path manifest, List<String> exercise, List<String> refused) {
        if (exercise.isEmpty()) {
            throw new IllegalArgumentException("--manifest needs at least one --exercise command that makes the workload do its job");
        }
        String yaml;
        try {
            yaml = Files.readString(manifest);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the manifest " + manifest + ": " + e, e);
        }
        Workload workload = Manifests.parseWorkload(yaml, manifest.toString());
        if (!Recording.asksForRuntimeDefault(workload)) {
            throw new IllegalArgumentException(manifest + ": " + Recording.RUNTIME_DEFAULT);
        }
        List<Check> proof = refused.stream()
                .<Check>map(command -> CommandOutcomeCheck.of(command, CommandOutcome.anyErrno()))
                .toList();
        return new Recording(workload.name(), "the workload of " + manifest.getFileName(), manifest.toString(), yaml, workload,
                exercise.stream().map(command -> List.of(command.strip().split("\\s+"))).toList(), proof);
    }

    public static List<String> names() {
        return BUILT_IN.stream().map(Recording::name).toList();
    }
}
