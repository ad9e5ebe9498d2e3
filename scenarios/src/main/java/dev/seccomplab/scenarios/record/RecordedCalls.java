package dev.seccomplab.scenarios.record;

import java.util.SortedMap;

/**
 * What one recording saw: each system call the container made under its filter, with how often.
 *
 * @param recording the recording's name
 * @param environment where the workload ran
 * @param calls the calls by libseccomp name, sorted, with their counts
 * @param runtimeDefaultAllowed how many distinct calls the profile it ran under (RuntimeDefault) allows
 * @param evidence how the calls were seen and told apart, for the report
 */
public record RecordedCalls(String recording, String environment, SortedMap<String, Long> calls, int runtimeDefaultAllowed,
                            String evidence) {

    public RecordedCalls {
        calls = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(calls));
    }

    /** One line for a trainee: the counts side by side. */
    public String summary() {
        return recording + " calls " + calls.size() + " distinct system calls; RuntimeDefault allows " + runtimeDefaultAllowed;
    }
}
