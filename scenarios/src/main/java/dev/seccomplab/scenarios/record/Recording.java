package dev.seccomplab.scenarios.record;

import dev.seccomplab.environments.Workload;
import dev.seccomplab.scenarios.checks.Check;
import java.util.List;

/**
 * A workload to record, as a lesson file writes it: what it runs, the commands that make it do its
 * job, and the calls that its own profile must refuse afterwards.
 *
 * @param manifestYaml the Pod or Deployment, under a seccomp filter (RuntimeDefault) while it is recorded
 * @param exercise each command's words, run in the pod while it is recorded and again under its profile
 * @param proof what else must hold under the recorded profile, e.g. {@code keyctl show} fails with EPERM
 */
public record Recording(String name, String lesson, String source, String manifestYaml, Workload workload, List<List<String>> exercise,
                        List<Check> proof) {

    public Recording {
        exercise = exercise.stream().map(List::copyOf).toList();
        proof = List.copyOf(proof);
    }
}
