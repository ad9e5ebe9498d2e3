package dev.seccomplab.scenarios;

import dev.seccomplab.environments.PodSecurityLevel;
import dev.seccomplab.environments.Workload;
import dev.seccomplab.scenarios.checks.Check;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One lesson: a workload to run, the node setting it needs, the Localhost profiles it ships, and
 * the outcomes to expect. The JUnit suites, the CLI, the notebooks and the practice graders all
 * use these objects, so each expectation is written once: in the scenario's file.
 *
 * @param name short id used on the command line, e.g. {@code runtime-default}
 * @param lesson one sentence on what the scenario shows
 * @param source the scenario's file, for reports and errors
 * @param manifestYaml the Pod or Deployment, as a trainee would read or apply it with kubectl
 * @param workload the same, parsed (once, when the file was read)
 * @param nodeSeccompDefault the kubelet {@code seccompDefault} the scenario needs
 * @param podSecurity the Pod Security Standard its namespace enforces, if any
 * @param localhostProfiles profile JSON by its path under the kubelet's seccomp directory
 */
public record Scenario(String name, String lesson, String source, String manifestYaml, Workload workload, boolean nodeSeccompDefault,
                       Optional<PodSecurityLevel> podSecurity, Map<String, String> localhostProfiles, List<Check> checks) {

    public Scenario {
        localhostProfiles = Map.copyOf(localhostProfiles);
        checks = List.copyOf(checks);
    }
}
