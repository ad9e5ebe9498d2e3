package dev.seccomplab.scenarios.practice;

import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.Manifests;
import dev.seccomplab.environments.Workload;
import dev.seccomplab.scenarios.ExpectationSpec;
import dev.seccomplab.scenarios.LessonYaml;
import dev.seccomplab.scenarios.LessonYaml.Problems;
import dev.seccomplab.scenarios.ScenarioSource;
import dev.seccomplab.scenarios.checks.AdmissionCheck;
import dev.seccomplab.scenarios.checks.Check;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A practice task written as a folder: {@code task.yaml} (docs/practice.md) and the trainee's
 * starting files under {@code start/}. The built-in tasks and an instructor's own are read the same
 * way, and everything is checked before a task is made: a problem is one line, {@code file:line:
 * field: problem}.
 */
final class PracticeTaskFile {

    static final String FILE = "task.yaml";
    static final String START = "start/";
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    private PracticeTaskFile() {
    }

    record Spec(String name, String title, String goal, List<String> hints, List<String> files, List<String> apply,
                String seccompProfiles, Node node, String probe, List<Graded> grade) {
    }

    /** The node's kubelet while grading: the trainee's KubeletConfiguration file, or a fixed setting. */
    record Node(String kubeletConfig, Boolean seccompDefault) {
    }

    record Graded(String workload, List<ExpectationSpec> expect) {
    }

    static PracticeTask read(String yaml, ScenarioSource source) {
        LessonYaml.Read<Spec> read = LessonYaml.read(yaml, source.name(), Spec.class,
                "a practice task needs name, title, goal, files and grade");
        Spec spec = read.spec();
        Problems problems = read.problems();
        problems.require(spec.name() != null && NAME.matcher(spec.name()).matches(), "/name", "name",
                "a task needs a name of lower-case letters, digits and dashes, e.g. my-first-profile; it names the trainee's folder");
        problems.require(present(spec.title()), "/title", "title", "a task needs a title: one line, for lists");
        problems.require(present(spec.goal()), "/goal", "goal", "a task needs a goal: what the trainee must achieve, as an exam puts it");
        problems.require(spec.files() != null && !spec.files().isEmpty(), "/files", "files",
                "a task needs the trainee's starting files, each a path below start/ beside this file");
        Map<String, String> startingFiles = startingFiles(spec.files(), source, problems);
        List<String> apply = Objects.requireNonNullElse(spec.apply(), List.of());
        for (int i = 0; i < apply.size(); i++) {
            problems.require(startingFiles.containsKey(apply.get(i)), "/apply/" + i, "apply[" + i + "]",
                    "'" + apply.get(i) + "' is not one of the files; apply names the trainee's manifests, listed under files");
        }
        if (spec.seccompProfiles() != null) {
            problems.require(relativeBelow(spec.seccompProfiles()), "/seccompProfiles", "seccompProfiles",
                    "is a folder of the trainee's, relative to the task's folder, that stands for the kubelet's seccomp directory");
        }
        Node node = Objects.requireNonNullElse(spec.node(), new Node(null, null));
        problems.require(node.kubeletConfig() == null || node.seccompDefault() == null, "/node", "node",
                "has kubeletConfig (the trainee sets seccompDefault) or seccompDefault (the task does), not both");
        problems.require(node.kubeletConfig() == null || startingFiles.containsKey(node.kubeletConfig()), "/node/kubeletConfig",
                "node.kubeletConfig", "'" + node.kubeletConfig() + "' is not one of the files; the trainee edits a file listed under files");
        Optional<Workload> probe = probe(spec.probe(), source, problems);
        problems.require(!apply.isEmpty() || probe.isPresent(), "/apply", "apply",
                "the task applies nothing: list the trainee's manifests under apply, or give a probe of the task's own");
        List<Grading.WorkloadChecks> graded = graded(spec.grade(), problems);
        Grading grading = new Grading(apply, Optional.ofNullable(spec.seccompProfiles()), Optional.ofNullable(node.kubeletConfig()),
                Boolean.TRUE.equals(node.seccompDefault()), probe, graded);
        List<String> hints = Objects.requireNonNullElse(spec.hints(), List.of());
        for (int i = 0; i < hints.size(); i++) {
            problems.require(present(hints.get(i)), "/hints/" + i, "hints[" + i + "]", "is empty; a hint is a sentence or two");
        }
        return new PracticeTask(spec.name(), spec.title().strip(), spec.goal().strip(), hints.stream().map(String::strip).toList(),
                startingFiles, grading, source.name());
    }

    private static Map<String, String> startingFiles(List<String> files, ScenarioSource source, Problems problems) {
        Map<String, String> contents = new LinkedHashMap<>();
        for (int i = 0; i < files.size(); i++) {
            String file = files.get(i);
            String pointer = "/files/" + i;
            String field = "files[" + i + "]";
            problems.require(file != null && relativeBelow(file), pointer, field, "is a path relative to start/, and may not climb out of it");
            String content = source.readRelative(START + file).orElseThrow(() -> problems.fail(pointer, field,
                    "no file " + START + file + " beside " + source.name() + "; each starting file is kept under start/"));
            problems.require(contents.put(file, content) == null, pointer, field, "'" + file + "' is listed twice");
        }
        return contents;
    }

    private static Optional<Workload> probe(String probe, ScenarioSource source, Problems problems) {
        if (probe == null) {
            return Optional.empty();
        }
        String yaml = source.readRelative(probe.strip()).orElseThrow(() -> problems.fail("/probe", "probe",
                "no file " + probe + " beside " + source.name() + "; the probe is a manifest of the task's own, beside task.yaml"));
        try {
            return Optional.of(Manifests.parseWorkload(yaml, probe.strip()));
        } catch (LabEnvironmentException e) {
            throw problems.fail("/probe", "probe", e.getMessage());
        }
    }

    private static List<Grading.WorkloadChecks> graded(List<Graded> grade, Problems problems) {
        problems.require(grade != null && !grade.isEmpty(), "/grade", "grade",
                "a task grades at least one workload: '- workload: NAME' with its expect list");
        List<Grading.WorkloadChecks> graded = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < grade.size(); i++) {
            Graded workload = grade.get(i);
            String pointer = "/grade/" + i;
            String field = "grade[" + i + "]";
            problems.require(workload != null && present(workload.workload()), pointer + "/workload", field + ".workload",
                    "names the Pod or Deployment graded, as its metadata.name says");
            problems.require(names.add(workload.workload()), pointer + "/workload", field + ".workload",
                    "'" + workload.workload() + "' is graded twice; put all its expected outcomes in one expect list");
            List<Check> checks = ExpectationSpec.checks(workload.expect(), pointer + "/expect", field + ".expect", problems);
            problems.require(checks.stream().noneMatch(AdmissionCheck.class::isInstance), pointer + "/expect", field + ".expect",
                    "a practice task grades running pods; admission belongs in a scenario file (docs/scenario-files.md)");
            graded.add(new Grading.WorkloadChecks(workload.workload(), checks));
        }
        return graded;
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    private static boolean relativeBelow(String path) {
        return !path.isBlank() && !path.startsWith("/") && Stream.of(path.split("/")).noneMatch(".."::equals);
    }
}
