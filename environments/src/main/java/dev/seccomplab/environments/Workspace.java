package dev.seccomplab.environments;

import java.time.Duration;

/** One scenario's share of an environment. Closing it deletes what was applied in it. */
public interface Workspace extends AutoCloseable {

    String name();

    /** Creates the Pod or Deployment. Its pod may not be running yet. */
    void apply(Workload workload);

    /**
     * Waits until the workload's pod runs (a Deployment's first pod).
     *
     * @throws HostLimitException when this host cannot run the pod as specified
     * @throws NotApplicableException when this environment cannot run such a pod by design
     * @throws LabEnvironmentException on a timeout or any other failure, naming the cause
     */
    PodHandle waitUntilRunning(String workloadName, Duration timeout);

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
