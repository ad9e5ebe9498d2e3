package dev.seccomplab.environments.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a seccomp profile in OCI form allows, counted two ways.
 *
 * <p>{@code ruleEntries} is {@code [.syscalls[].names[]] | length}: every name in every rule,
 * so a syscall named in two rules (say, once allowed with argument filters and once refused)
 * counts twice. {@code distinctAllowed} is the set of names in {@code SCMP_ACT_ALLOW} rules, the
 * number a reader usually means by "allowed syscalls". Both come from the live spec.
 */
public record SeccompProfileSummary(
        String defaultAction,
        int ruleEntries,
        Set<String> distinctAllowed,
        Set<String> conditionallyAllowed,
        Set<String> refused) {

    private static final String ALLOW = "SCMP_ACT_ALLOW";

    public SeccompProfileSummary {
        distinctAllowed = Set.copyOf(distinctAllowed);
        conditionallyAllowed = Set.copyOf(conditionallyAllowed);
        refused = Set.copyOf(refused);
    }

    public static SeccompProfileSummary of(JsonNode seccomp) {
        int entries = 0;
        Set<String> allowed = new TreeSet<>();
        Set<String> conditional = new TreeSet<>();
        Set<String> refused = new TreeSet<>();
        for (JsonNode rule : seccomp.path("syscalls")) {
            boolean allows = ALLOW.equals(rule.path("action").asText());
            boolean hasConditions = rule.path("args").size() > 0;
            for (JsonNode name : rule.path("names")) {
                entries++;
                if (allows) {
                    (hasConditions ? conditional : allowed).add(name.asText());
                } else if (!hasConditions) {
                    refused.add(name.asText());
                }
            }
        }
        conditional.removeAll(allowed);
        return new SeccompProfileSummary(seccomp.path("defaultAction").asText(""), entries, allowed, conditional, refused);
    }

    /** How the profile treats one syscall by name. */
    public Verdict verdictFor(String syscall) {
        if (distinctAllowed.contains(syscall)) {
            return Verdict.ALLOWED;
        }
        if (conditionallyAllowed.contains(syscall)) {
            return Verdict.ALLOWED_WITH_ARGUMENT_FILTERS;
        }
        return ALLOW.equals(defaultAction) && !refused.contains(syscall) ? Verdict.ALLOWED : Verdict.NOT_ALLOWED;
    }

    /** Names allowed by some rule, with or without argument filters. */
    public int distinctAllowedCount() {
        return distinctAllowed.size() + conditionallyAllowed.size();
    }

    /** The counts a lesson quotes, e.g. "default SCMP_ACT_ERRNO; 361 syscalls allowed by name, 4 more with argument filters, …". */
    @Override
    public String toString() {
        return "default " + defaultAction + "; " + distinctAllowed.size() + " syscalls allowed by name, " + conditionallyAllowed.size()
                + " more with argument filters, " + refused.size() + " refused by name; " + ruleEntries + " names in its rules";
    }

    public enum Verdict {
        ALLOWED, ALLOWED_WITH_ARGUMENT_FILTERS, NOT_ALLOWED;

        /** As reports and notebooks write it, e.g. "not allowed". */
        public String words() {
            return dev.seccomplab.environments.EnumWords.of(this);
        }
    }
}
