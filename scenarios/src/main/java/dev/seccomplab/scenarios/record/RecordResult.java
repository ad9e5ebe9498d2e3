package dev.seccomplab.scenarios.record;

import dev.seccomplab.scenarios.ScenarioResult;

/**
 * A recording and its proof.
 *
 * @param profilePath the profile's path under the kubelet's seccomp directory, as the proof's pod names it
 * @param proof the workload under its own profile: the exercise succeeds, the recording's proof holds
 */
public record RecordResult(RecordedCalls calls, LeastPrivilegeProfile profile, String profilePath, ScenarioResult proof) {

    public boolean proved() {
        return proof.passed();
    }
}
