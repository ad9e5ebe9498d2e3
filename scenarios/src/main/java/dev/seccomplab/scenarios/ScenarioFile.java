package dev.seccomplab.scenarios;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.Manifests;
import dev.seccomplab.environments.PodSecurityLevel;
import dev.seccomplab.environments.Workload;
import dev.seccomplab.scenarios.LessonYaml.Problems;
import dev.seccomplab.scenarios.checks.AdmissionCheck;
import dev.seccomplab.scenarios.checks.Check;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A scenario written as a YAML file, the format of the built-in catalogue and of an instructor's
 * own (docs/scenario-files.md). Everything is checked before a scenario is made, and a problem is
 * reported in one line naming the file, the line, the field and what is allowed.
 */
final class ScenarioFile {

    static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ScenarioFile() {
    }

    record Spec(String name, String lesson, Kubelet kubelet, PodSecurity podSecurity, String manifest, Map<String, String> profiles,
                List<ExpectationSpec> expect) {
    }

    record Kubelet(Boolean seccompDefault) {
    }

    /** The Pod Security Standard the scenario's namespace enforces. */
    record PodSecurity(String enforce) {
    }

    static Scenario read(String yaml, ScenarioSource source) {
        LessonYaml.Read<Spec> read = LessonYaml.read(yaml, source.name(), Spec.class, "a scenario needs name, lesson, manifest and expect");
        Spec spec = read.spec();
        Problems problems = read.problems();
        problems.require(spec.name() != null && NAME.matcher(spec.name()).matches(), "/name", "name",
                "a scenario needs a name of lower-case letters, digits and dashes, e.g. my-runtime-default");
        problems.require(spec.lesson() != null && !spec.lesson().isBlank(), "/lesson", "lesson",
                "a scenario needs a lesson: one sentence on what it shows");
        problems.require(spec.manifest() != null && !spec.manifest().isBlank(), "/manifest", "manifest",
                "a scenario needs a manifest: a path beside this file, or the YAML itself");
        problems.require(spec.expect() != null && !spec.expect().isEmpty(), "/expect", "expect",
                "a scenario needs at least one expected outcome");
        String manifestYaml = manifest(spec.manifest(), source, problems);
        Workload workload = workload(manifestYaml, spec.manifest(), problems);
        Map<String, String> profiles = profiles(spec.profiles(), source, problems);
        List<Check> checks = ExpectationSpec.checks(spec.expect(), "/expect", "expect", problems);
        problems.require(checks.stream().noneMatch(check -> check instanceof AdmissionCheck admission && !admission.admitted())
                        || checks.size() == 1, "/expect", "expect",
                "'admission: refused' is the only outcome a scenario can expect: a refused pod never runs, so nothing else can be checked");
        boolean seccompDefault = spec.kubelet() != null && Boolean.TRUE.equals(spec.kubelet().seccompDefault());
        return new Scenario(spec.name(), spec.lesson().strip(), source.name(), manifestYaml, workload, seccompDefault,
                podSecurity(spec.podSecurity(), problems), profiles, checks);
    }

    private static String manifest(String manifest, ScenarioSource source, Problems problems) {
        return manifest.contains("\n") ? manifest : source.readRelative(manifest.strip()).orElseThrow(() ->
                problems.fail("/manifest", "manifest", "no file " + manifest.strip() + " beside " + source.name()
                        + "; give a path relative to the scenario file, or the YAML itself after 'manifest: |'"));
    }

    private static Workload workload(String yaml, String manifest, Problems problems) {
        try {
            return Manifests.parseWorkload(yaml, manifest.contains("\n") ? "the inline manifest" : manifest.strip());
        } catch (LabEnvironmentException e) {
            throw problems.fail("/manifest", "manifest", e.getMessage());
        }
    }

    private static Optional<PodSecurityLevel> podSecurity(PodSecurity podSecurity, Problems problems) {
        if (podSecurity == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(PodSecurityLevel.parse(Objects.requireNonNullElse(podSecurity.enforce(), "")));
        } catch (IllegalArgumentException e) {
            throw problems.fail("/podSecurity/enforce", "podSecurity.enforce", e.getMessage());
        }
    }

    private static Map<String, String> profiles(Map<String, String> declared, ScenarioSource source, Problems problems) {
        Map<String, String> profiles = new LinkedHashMap<>();
        if (declared == null) {
            return profiles;
        }
        declared.forEach((target, content) -> {
            String pointer = "/profiles/" + target.replace("~", "~0").replace("/", "~1");
            String field = "profiles." + target;
            problems.require(!target.startsWith("/") && Stream.of(target.split("/")).noneMatch(".."::equals), pointer, field,
                    "a Localhost profile's path is relative to the kubelet's seccomp directory and may not climb out of it");
            String json = content != null && content.strip().startsWith("{") ? content
                    : source.readRelative(Objects.requireNonNullElse(content, "").strip()).orElseThrow(() ->
                            problems.fail(pointer, field, "no file " + content + " beside " + source.name()
                                    + "; give a path relative to the scenario file, or the profile's JSON itself"));
            try {
                JSON.readTree(json);
            } catch (JsonProcessingException e) {
                throw problems.fail(pointer, field, "is not JSON: " + e.getOriginalMessage());
            }
            profiles.put(target, json);
        });
        return profiles;
    }
}
