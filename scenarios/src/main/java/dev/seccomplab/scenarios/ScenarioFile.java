package dev.seccomplab.scenarios;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.JacksonYAMLParseException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.Manifests;
import dev.seccomplab.environments.PodSecurityLevel;
import dev.seccomplab.environments.Workload;
import dev.seccomplab.scenarios.checks.AdmissionCheck;
import dev.seccomplab.scenarios.checks.Check;
import dev.seccomplab.scenarios.checks.CommandOutcome;
import dev.seccomplab.scenarios.checks.CommandOutcomeCheck;
import dev.seccomplab.scenarios.checks.MainProcessSeccompCheck;
import dev.seccomplab.scenarios.checks.NodeSeccompDefaultCheck;
import dev.seccomplab.scenarios.checks.RuntimeProfileCheck;
import dev.seccomplab.scenarios.checks.SeccompMode;
import dev.seccomplab.scenarios.checks.SeccompModeCheck;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A scenario written as a YAML file, the format of the built-in catalogue and of an instructor's
 * own (docs/scenario-files.md). Everything is checked before a scenario is made, and a problem is
 * reported in one line naming the file, the line, the field and what is allowed.
 */
final class ScenarioFile {

    static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private static final ObjectMapper JSON = new ObjectMapper();

    private ScenarioFile() {
    }

    record Spec(String name, String lesson, Kubelet kubelet, PodSecurity podSecurity, String manifest, Map<String, String> profiles,
                List<Expectation> expect) {
    }

    record Kubelet(Boolean seccompDefault) {
    }

    /** The Pod Security Standard the scenario's namespace enforces. */
    record PodSecurity(String enforce) {
    }

    /**
     * One expected outcome; exactly one of its kinds is set ({@code outcome} goes with {@code command},
     * {@code reason} with {@code admission: refused}).
     */
    record Expectation(String seccomp, String ownProcessSeccomp, String command, String outcome, Boolean kubeletSeccompDefault,
                       RuntimeProfile runtimeProfile, String admission, String reason) {
    }

    record RuntimeProfile(String defaultAction, List<String> notAllowed, List<String> allowed, Count distinctAllowed) {
    }

    record Count(Integer atLeast, Integer atMost) {
    }

    static Scenario read(String yaml, ScenarioSource source) {
        YamlLines lines = YamlLines.of(yaml);
        Spec spec;
        try {
            spec = YAML.readValue(yaml, Spec.class);
        } catch (UnrecognizedPropertyException e) {
            String field = path(e.getPath().subList(0, e.getPath().size() - 1));
            throw new ScenarioFileException(source.name(), lines.lineOf(pointer(e.getPath())).orElse(line(e)), field,
                    "unknown field '" + e.getPropertyName() + "'; allowed here: "
                            + e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", ")));
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof JacksonYAMLParseException syntax) {
                throw notYaml(source, syntax);
            }
            throw new ScenarioFileException(source.name(), lines.lineOf(pointer(e.getPath())).orElse(line(e)), path(e.getPath()),
                    firstLine(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw notYaml(source, e);
        }
        if (spec == null) {
            throw new ScenarioFileException(source.name(), 0, "", "is empty; a scenario needs name, lesson, manifest and expect");
        }
        Problems problems = new Problems(source, lines);
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
        List<Check> checks = new ArrayList<>();
        for (int i = 0; i < spec.expect().size(); i++) {
            checks.add(check(spec.expect().get(i), i, problems));
        }
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

    private static Check check(Expectation e, int index, Problems problems) {
        String pointer = "/expect/" + index;
        String field = "expect[" + index + "]";
        long kinds = Stream.of(e.seccomp(), e.ownProcessSeccomp(), e.command(), e.kubeletSeccompDefault(), e.runtimeProfile(), e.admission())
                .filter(Objects::nonNull).count();
        problems.require(kinds == 1, pointer, field, "each expected outcome has exactly one of seccomp, ownProcessSeccomp, "
                + "command (with outcome), kubeletSeccompDefault, runtimeProfile, admission; this one has " + kinds);
        problems.require(e.command() == null ? e.outcome() == null : e.outcome() != null, pointer, field,
                "'outcome' goes with 'command', and 'command' needs one: success, an errno such as EPERM, or a signal such as SIGSYS");
        problems.require(e.reason() == null || "refused".equals(e.admission()), pointer + "/reason", field + ".reason",
                "'reason' goes with 'admission: refused': words the API server's refusal must contain");
        try {
            if (e.admission() != null) {
                problems.require(List.of("admitted", "refused").contains(e.admission()), pointer + "/admission", field + ".admission",
                        "is '" + e.admission() + "'; the API server either admitted or refused the pods");
                return new AdmissionCheck("admitted".equals(e.admission()), Optional.ofNullable(e.reason()));
            }
            if (e.seccomp() != null) {
                return new SeccompModeCheck(SeccompMode.parse(e.seccomp()));
            }
            if (e.ownProcessSeccomp() != null) {
                return new MainProcessSeccompCheck(SeccompMode.parse(e.ownProcessSeccomp()));
            }
            if (e.command() != null) {
                return CommandOutcomeCheck.of(e.command(), CommandOutcome.parse(e.outcome()));
            }
            if (e.kubeletSeccompDefault() != null) {
                return new NodeSeccompDefaultCheck(e.kubeletSeccompDefault());
            }
            RuntimeProfile profile = e.runtimeProfile();
            problems.require(profile.defaultAction() != null, pointer + "/runtimeProfile", field + ".runtimeProfile",
                    "needs defaultAction, e.g. SCMP_ACT_ERRNO");
            return new RuntimeProfileCheck(profile.defaultAction(), Objects.requireNonNullElse(profile.notAllowed(), List.of()),
                    Objects.requireNonNullElse(profile.allowed(), List.of()), countRange(profile.distinctAllowed(), pointer, field, problems));
        } catch (ScenarioFileException alreadySaid) {
            throw alreadySaid;
        } catch (IllegalArgumentException invalid) {
            String key = e.seccomp() != null ? "seccomp" : e.ownProcessSeccomp() != null ? "ownProcessSeccomp" : "outcome";
            throw problems.fail(pointer + "/" + key, field + "." + key, invalid.getMessage());
        }
    }

    private static RuntimeProfileCheck.CountRange countRange(Count count, String pointer, String field, Problems problems) {
        if (count == null) {
            return RuntimeProfileCheck.CountRange.ANY;
        }
        try {
            return new RuntimeProfileCheck.CountRange(Objects.requireNonNullElse(count.atLeast(), 0),
                    Objects.requireNonNullElse(count.atMost(), Integer.MAX_VALUE));
        } catch (IllegalArgumentException invalid) {
            throw problems.fail(pointer + "/runtimeProfile/distinctAllowed", field + ".runtimeProfile.distinctAllowed",
                    invalid.getMessage());
        }
    }

    /** SnakeYAML knows where the problem is, and says it better than the context it was parsing. */
    private static ScenarioFileException notYaml(ScenarioSource source, JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            return new ScenarioFileException(source.name(), marked.getProblemMark().getLine() + 1, "",
                    "not valid YAML: " + marked.getProblem());
        }
        return new ScenarioFileException(source.name(), line(e), "", "not valid YAML: " + firstLine(e.getOriginalMessage()));
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
    }

    private static int line(JsonProcessingException e) {
        return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    }

    private static String pointer(List<JsonMappingException.Reference> references) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            pointer.append('/').append(reference.getFieldName() != null
                    ? reference.getFieldName().replace("~", "~0").replace("/", "~1") : Integer.toString(reference.getIndex()));
        }
        return pointer.toString();
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Raises the first problem found, with its line. */
    private record Problems(ScenarioSource source, YamlLines lines) {

        void require(boolean condition, String pointer, String field, String problem) {
            if (!condition) {
                throw fail(pointer, field, problem);
            }
        }

        ScenarioFileException fail(String pointer, String field, String problem) {
            return new ScenarioFileException(source.name(), lines.lineOf(pointer).orElse(0), field, problem);
        }
    }
}
