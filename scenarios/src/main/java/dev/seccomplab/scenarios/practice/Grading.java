package dev.seccomplab.scenarios.practice;

import dev.seccomplab.environments.Workload;
import dev.seccomplab.scenarios.checks.Check;
import java.util.List;
import java.util.Optional;

/**
 * How a task is graded: which of the trainee's files are applied, and what each workload must show
 * once it runs. Every expectation is a check on the running pod (the process's own seccomp mode,
 * a real system call's errno or signal, the runtime's spec), never on the YAML alone.
 *
 * @param manifests the trainee's files with Pods and Deployments to apply
 * @param seccompProfiles the trainee's directory that stands for the kubelet's seccomp directory, if the task has one
 * @param kubeletConfig the trainee's KubeletConfiguration file, whose {@code seccompDefault} the node takes, if any
 * @param nodeSeccompDefault the node's {@code seccompDefault} while grading a task without a kubelet file
 * @param probe a workload of the task's own, applied after the trainee's changes, if any
 * @param workloads the workloads graded, in order, each with the checks its pod must pass
 */
public record Grading(List<String> manifests, Optional<String> seccompProfiles, Optional<String> kubeletConfig,
                      boolean nodeSeccompDefault, Optional<Workload> probe, List<WorkloadChecks> workloads) {

    public Grading {
        manifests = List.copyOf(manifests);
        workloads = List.copyOf(workloads);
    }

    /** A workload, by the name of its Pod or Deployment, and what its running pod must show. */
    public record WorkloadChecks(String workload, List<Check> checks) {

        public WorkloadChecks {
            checks = List.copyOf(checks);
        }
    }
}
