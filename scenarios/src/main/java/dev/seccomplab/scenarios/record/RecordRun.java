package dev.seccomplab.scenarios.record;

import dev.seccomplab.environments.LabEnvironment;
import dev.seccomplab.environments.Progress;
import dev.seccomplab.scenarios.Scenario;
import dev.seccomplab.scenarios.ScenarioResult;
import dev.seccomplab.scenarios.ScenarioRunner;
import java.time.Duration;

/**
 * {@code lab record} and a notebook's {@code lab.record}: record the workload, make its profile,
 * then prove the profile by running the workload again under it. The front ends only render the
 * result and write the files.
 */
public final class RecordRun {

    private final Duration podTimeout;

    public RecordRun(Duration podTimeout) {
        this.podTimeout = podTimeout;
    }

    /**
     * @param profilePath where the profile goes under the kubelet's seccomp directory for the proof
     * @throws IllegalArgumentException when that path leaves the directory (checked before anything starts)
     */
    public RecordResult run(LabEnvironment environment, Recording recording, String profilePath, Progress progress) {
        ProofScenario.requireInsideSeccompDirectory(profilePath);
        long start = System.nanoTime();
        RecordedCalls calls = new SyscallRecorder(podTimeout).record(environment, recording, progress);
        progress.step(calls.summary() + "; recorded in " + millisSince(start) + " ms");
        LeastPrivilegeProfile profile = new LeastPrivilegeProfile(recording, calls);
        Scenario proof = ProofScenario.of(recording, profilePath, profile.json());
        progress.step("proving the profile: " + recording.name() + " again, under Localhost " + profilePath);
        long proofStart = System.nanoTime();
        ScenarioResult result = new ScenarioRunner(podTimeout).run(environment, proof);
        progress.step("proof run (the same pod and exercise, without the trace) in " + millisSince(proofStart) + " ms");
        return new RecordResult(calls, profile, profilePath, result);
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
