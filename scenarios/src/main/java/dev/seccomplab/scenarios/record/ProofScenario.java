package dev.seccomplab.scenarios.record;

import dev.seccomplab.environments.Manifests;
import dev.seccomplab.environments.Workload;
import dev.seccomplab.scenarios.Scenario;
import dev.seccomplab.scenarios.checks.Check;
import dev.seccomplab.scenarios.checks.CommandOutcome;
import dev.seccomplab.scenarios.checks.CommandOutcomeCheck;
import dev.seccomplab.scenarios.checks.MainProcessSeccompCheck;
import dev.seccomplab.scenarios.checks.SeccompMode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The recorded workload again, now under its own Localhost profile, as a scenario like any other:
 * its main process is under a filter, each exercise command still succeeds, and the recording's
 * proof holds (a call outside the record is refused).
 */
public final class ProofScenario {

    private ProofScenario() {
    }

    /** The kubelet's seccomp directory's path for a recording's profile, by default. */
    public static String defaultProfilePath(Recording recording) {
        return "profiles/" + recording.name() + ".json";
    }

    /**
     * @param profilePath where the profile goes, relative to the kubelet's seccomp directory
     * @throws IllegalArgumentException when the path would leave that directory
     */
    public static Scenario of(Recording recording, String profilePath, String profileJson) {
        requireInsideSeccompDirectory(profilePath);
        Workload workload = Manifests.parseWorkload(recording.manifestYaml(), recording.source());
        useLocalhostProfile(workload.podSpec(), profilePath);
        List<Check> checks = new ArrayList<>();
        checks.add(new MainProcessSeccompCheck(SeccompMode.FILTER));
        recording.exercise().forEach(command -> checks.add(new CommandOutcomeCheck(command, CommandOutcome.succeeds())));
        checks.addAll(recording.proof());
        return new Scenario(recording.name(), "under its own profile " + profilePath + ": " + recording.lesson(), recording.source(),
                Manifests.toYaml(workload), workload, false, Optional.empty(), java.util.Map.of(profilePath, profileJson), checks);
    }

    /** The same rule the kubelet's directory has for scenario files: relative, and never climbing out. */
    public static void requireInsideSeccompDirectory(String path) {
        if (path.isBlank() || path.startsWith("/") || Stream.of(path.split("/")).anyMatch(".."::equals) || !path.endsWith(".json")) {
            throw new IllegalArgumentException("the profile path '" + path + "' must be a .json file inside the kubelet's seccomp "
                    + "directory: relative, without '..', e.g. profiles/file-worker.json");
        }
    }

    private static void useLocalhostProfile(PodSpec spec, String path) {
        SeccompProfile localhost = new SeccompProfile(path, "Localhost");
        PodSecurityContext pod = Optional.ofNullable(spec.getSecurityContext()).orElseGet(PodSecurityContext::new);
        pod.setSeccompProfile(localhost);
        spec.setSecurityContext(pod);
        for (Container container : spec.getContainers()) {
            SecurityContext own = container.getSecurityContext();
            if (own != null && own.getSeccompProfile() != null) {
                own.setSeccompProfile(localhost);
            }
        }
    }
}
