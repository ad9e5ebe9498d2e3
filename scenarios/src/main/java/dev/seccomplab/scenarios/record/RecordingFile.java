package dev.seccomplab.scenarios.record;

import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.Manifests;
import dev.seccomplab.environments.Workload;
import dev.seccomplab.scenarios.ExpectationSpec;
import dev.seccomplab.scenarios.LessonYaml;
import dev.seccomplab.scenarios.LessonYaml.Problems;
import dev.seccomplab.scenarios.ScenarioSource;
import dev.seccomplab.scenarios.checks.AdmissionCheck;
import dev.seccomplab.scenarios.checks.Check;
import java.util.List;
import java.util.regex.Pattern;

/** A recording written as YAML (docs/recording.md), checked as scenario files are: one line per problem, naming file, line and field. */
final class RecordingFile {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    private RecordingFile() {
    }

    record Spec(String name, String lesson, String manifest, List<List<String>> exercise, List<ExpectationSpec> proof) {
    }

    static Recording read(String yaml, ScenarioSource source) {
        LessonYaml.Read<Spec> read = LessonYaml.read(yaml, source.name(), Spec.class,
                "a recording needs name, lesson, manifest, exercise and proof");
        Spec spec = read.spec();
        Problems problems = read.problems();
        problems.require(spec.name() != null && NAME.matcher(spec.name()).matches(), "/name", "name",
                "a recording needs a name of lower-case letters, digits and dashes; it also names the profile");
        problems.require(spec.lesson() != null && !spec.lesson().isBlank(), "/lesson", "lesson",
                "a recording needs a lesson: what the workload does");
        problems.require(spec.manifest() != null && !spec.manifest().isBlank(), "/manifest", "manifest",
                "a recording needs a manifest: a path beside this file");
        problems.require(spec.exercise() != null && !spec.exercise().isEmpty(), "/exercise", "exercise",
                "a recording needs at least one command that makes the workload do its job, e.g. [cat, /tmp/beat]");
        for (int i = 0; i < spec.exercise().size(); i++) {
            List<String> command = spec.exercise().get(i);
            problems.require(command != null && !command.isEmpty() && command.stream().allMatch(word -> word != null && !word.isEmpty()),
                    "/exercise/" + i, "exercise[" + i + "]", "a command is a list of words, e.g. [sh, -c, \"echo hi > /tmp/a\"]");
        }
        List<Check> proof = ExpectationSpec.checks(spec.proof(), "/proof", "proof", problems);
        problems.require(proof.stream().noneMatch(AdmissionCheck.class::isInstance), "/proof", "proof",
                "the proof runs the workload under its own profile, so it cannot expect admission");
        String manifestYaml = source.readRelative(spec.manifest().strip()).orElseThrow(() -> problems.fail("/manifest", "manifest",
                "no file " + spec.manifest().strip() + " beside " + source.name() + "; give a path relative to the recording file"));
        Workload workload;
        try {
            workload = Manifests.parseWorkload(manifestYaml, spec.manifest().strip());
        } catch (LabEnvironmentException e) {
            throw problems.fail("/manifest", "manifest", e.getMessage());
        }
        problems.require(Recording.asksForRuntimeDefault(workload), "/manifest", "manifest", Recording.RUNTIME_DEFAULT);
        return new Recording(spec.name(), spec.lesson().strip(), source.name(), manifestYaml, workload, spec.exercise(), proof);
    }
}
