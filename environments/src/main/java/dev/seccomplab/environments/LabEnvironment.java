package dev.seccomplab.environments;

/**
 * Where the lab's pods run: a local Docker engine, a kind cluster, or any cluster.
 *
 * <p>Scenarios see only this interface and {@link Workspace}, so one scenario runs unchanged
 * on every environment.
 */
public interface LabEnvironment extends AutoCloseable {

    /** Short name used on the command line and in reports, e.g. {@code docker}. */
    String name();

    /** One line on what this environment is, for reports. */
    String description();

    /** What here is real and what differs from a Kubernetes cluster, in a few sentences for a trainee. */
    String comparedWithACluster();

    /** Brings the environment up. Long steps report to {@code progress}. */
    void start(Progress progress);

    /** The kubelet settings as the node reports them (read back, not remembered). */
    KubeletSettings readKubeletSettings();

    /**
     * Changes the node's kubelet settings, the way an administrator would.
     *
     * @throws NodeSettingsReadOnlyException where the lab may not change the node
     */
    void applyKubeletSettings(KubeletSettings wanted, Progress progress);

    /**
     * Puts a Localhost profile where the kubelet looks for it: under its seccomp directory, at the
     * path a Pod spec's {@code localhostProfile} names.
     *
     * @throws NotApplicableException where the lab may not write to the nodes
     */
    void installLocalhostProfile(String relativePath, String json);

    /** An isolated place for one scenario's objects (a namespace, or a label group). */
    Workspace openWorkspace(String name);

    /**
     * A workspace whose namespace enforces a Pod Security Standard: the API server's admission
     * decides which pods may be created there.
     *
     * @throws NotApplicableException where no API server admits pods, as here by default
     */
    default Workspace openWorkspace(String name, PodSecurityLevel enforced) {
        throw new NotApplicableException("the " + name() + " environment has no API server, so nothing admits or refuses pods: "
                + "Pod Security Admission (" + PodSecurityLevel.ENFORCE_LABEL + ": " + enforced.label() + ") needs one. Run it with "
                + "--env local, kind or cluster");
    }

    /**
     * A namespace that exists already on the cluster, with what a person applied there (with
     * kubectl): its workloads are found by name, and closing the workspace leaves them.
     *
     * @throws NotApplicableException where there is no API server, as here by default
     */
    default Workspace attachNamespace(String namespace) {
        throw new NotApplicableException("the " + name() + " environment has no API server, so there is nothing you applied with "
                + "kubectl to look at. Run it on the local cluster ('lab cluster up'), kind or a cluster");
    }

    /** Stops the environment and removes everything it started. */
    @Override
    void close();
}
