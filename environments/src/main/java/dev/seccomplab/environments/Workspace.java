package dev.seccomplab.environments;

import java.time.Duration;

/** One scenario's share of an environment. Closing it deletes what was applied in it. */
public interface Workspace extends AutoCloseable {

    String name();

    /**
     * Creates the Pod or Deployment and returns once its pod runs (a Deployment's first pod).
     *
     * @throws HostLimitException when this host cannot run the pod as specified
     * @throws NotApplicableException when this environment cannot run such a pod by design
     * @throws PodsRefusedException when the API server refuses the pods
     * @throws LabEnvironmentException on a timeout or any other failure, naming the cause
     */
    PodHandle start(Workload workload, Duration timeout);

    /**
     * Returns once the pod of a workload somebody else applied here runs (a trainee, with kubectl),
     * found by name. Only a workspace attached to an existing namespace holds such workloads.
     */
    default PodHandle awaitRunning(String workloadName, Duration timeout) {
        throw new NotApplicableException("workspace " + name() + " runs only what the lab starts in it; " + workloadName
                + " was not started here");
    }

    /** Runs a command in a container of a running pod, like {@code kubectl exec}. */
    ExecResult exec(PodHandle pod, String container, String... command);

    /** The {@code linux.seccomp} section of the OCI runtime spec the runtime handed to runc. */
    RuntimeSeccompSpec runtimeSeccomp(PodHandle pod, String container);

    /**
     * {@code /proc/PID/status} of the container's own main process, read where it runs.
     *
     * @throws NotApplicableException where the lab has no access to the node
     */
    MainProcessStatus mainProcessStatus(PodHandle pod, String container);

    @Override
    void close();
}
