package dev.seccomplab.scenarios.record;

import dev.seccomplab.environments.Workload;
import dev.seccomplab.scenarios.checks.Check;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
import java.util.List;
import java.util.Optional;

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

    /** Why a recording's workload must ask for RuntimeDefault, for the one-line error. */
    static final String RUNTIME_DEFAULT = "a recorded workload asks for RuntimeDefault (seccompProfile: {type: RuntimeDefault} on the "
            + "pod or its containers): the trace counts calls made under a filter, and the record is compared with that profile";

    public Recording {
        exercise = exercise.stream().map(List::copyOf).toList();
        proof = List.copyOf(proof);
    }

    /** Whether each container's own profile, or else the pod's, is RuntimeDefault, as the manifest writes it. */
    static boolean asksForRuntimeDefault(Workload workload) {
        PodSpec spec = workload.podSpec();
        String pod = Optional.ofNullable(spec.getSecurityContext()).map(PodSecurityContext::getSeccompProfile)
                .map(SeccompProfile::getType).orElse(null);
        return spec.getContainers().stream().allMatch(container -> "RuntimeDefault".equals(Optional.ofNullable(container.getSecurityContext())
                .map(SecurityContext::getSeccompProfile).map(SeccompProfile::getType).orElse(pod)));
    }
}
