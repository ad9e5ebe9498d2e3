package dev.seccomplab.scenarios;

import dev.seccomplab.scenarios.LessonYaml.Problems;
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
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One expected outcome as a lesson file writes it, under {@code expect:} in a scenario and in a
 * practice task alike; exactly one of its kinds is set ({@code outcome} goes with {@code command},
 * {@code reason} with {@code admission: refused}).
 */
public record ExpectationSpec(String seccomp, String ownProcessSeccomp, String command, String outcome, Boolean kubeletSeccompDefault,
                              RuntimeProfile runtimeProfile, String admission, String reason) {

    public record RuntimeProfile(String defaultAction, List<String> notAllowed, List<String> allowed, Count distinctAllowed) {
    }

    public record Count(Integer atLeast, Integer atMost) {
    }

    /**
     * The checks of an {@code expect:} list, each checked where it is written.
     *
     * @param pointer the list's JSON pointer in its file, e.g. {@code /expect}
     * @param field the list's field as messages name it, e.g. {@code expect}
     */
    public static List<Check> checks(List<ExpectationSpec> expect, String pointer, String field, Problems problems) {
        problems.require(expect != null && !expect.isEmpty(), pointer, field, "needs at least one expected outcome");
        List<Check> checks = new ArrayList<>();
        for (int i = 0; i < expect.size(); i++) {
            problems.require(expect.get(i) != null, pointer + "/" + i, field + "[" + i + "]", "is empty; write an expected outcome");
            checks.add(expect.get(i).check(pointer + "/" + i, field + "[" + i + "]", problems));
        }
        return checks;
    }

    private Check check(String pointer, String field, Problems problems) {
        long kinds = Stream.of(seccomp, ownProcessSeccomp, command, kubeletSeccompDefault, runtimeProfile, admission)
                .filter(Objects::nonNull).count();
        problems.require(kinds == 1, pointer, field, "each expected outcome has exactly one of seccomp, ownProcessSeccomp, "
                + "command (with outcome), kubeletSeccompDefault, runtimeProfile, admission; this one has " + kinds);
        problems.require(command == null ? outcome == null : outcome != null, pointer, field,
                "'outcome' goes with 'command', and 'command' needs one: success, an errno such as EPERM, or a signal such as SIGSYS");
        problems.require(reason == null || "refused".equals(admission), pointer + "/reason", field + ".reason",
                "'reason' goes with 'admission: refused': words the API server's refusal must contain");
        try {
            if (admission != null) {
                problems.require(List.of("admitted", "refused").contains(admission), pointer + "/admission", field + ".admission",
                        "is '" + admission + "'; the API server either admitted or refused the pods");
                return new AdmissionCheck("admitted".equals(admission), Optional.ofNullable(reason));
            }
            if (seccomp != null) {
                return new SeccompModeCheck(SeccompMode.parse(seccomp));
            }
            if (ownProcessSeccomp != null) {
                return new MainProcessSeccompCheck(SeccompMode.parse(ownProcessSeccomp));
            }
            if (command != null) {
                return CommandOutcomeCheck.of(command, CommandOutcome.parse(outcome));
            }
            if (kubeletSeccompDefault != null) {
                return new NodeSeccompDefaultCheck(kubeletSeccompDefault);
            }
            problems.require(runtimeProfile.defaultAction() != null, pointer + "/runtimeProfile", field + ".runtimeProfile",
                    "needs defaultAction, e.g. SCMP_ACT_ERRNO");
            return new RuntimeProfileCheck(runtimeProfile.defaultAction(), Objects.requireNonNullElse(runtimeProfile.notAllowed(), List.of()),
                    Objects.requireNonNullElse(runtimeProfile.allowed(), List.of()), countRange(pointer, field, problems));
        } catch (ScenarioFileException alreadySaid) {
            throw alreadySaid;
        } catch (IllegalArgumentException invalid) {
            String key = seccomp != null ? "seccomp" : ownProcessSeccomp != null ? "ownProcessSeccomp" : "outcome";
            throw problems.fail(pointer + "/" + key, field + "." + key, invalid.getMessage());
        }
    }

    private RuntimeProfileCheck.CountRange countRange(String pointer, String field, Problems problems) {
        Count count = runtimeProfile.distinctAllowed();
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
}
