package dev.seccomplab.notebook;

import dev.seccomplab.environments.ExecResult;
import dev.seccomplab.environments.LabEnvironment;
import dev.seccomplab.environments.PodHandle;
import dev.seccomplab.environments.Workspace;

/** A running pod in a notebook: run commands in it, as with {@code kubectl exec}. */
public final class LabPod implements AutoCloseable {

    private final String origin;
    private final LabEnvironment environment;
    private final Workspace workspace;
    private final PodHandle pod;

    LabPod(String origin, LabEnvironment environment, Workspace workspace, PodHandle pod) {
        this.origin = origin;
        this.environment = environment;
        this.workspace = workspace;
        this.pod = pod;
    }

    /** Runs a command (words split on spaces, no shell), shows its output, and returns it. */
    public ExecResult exec(String commandLine) {
        return exec(commandLine.trim().split("\\s+"));
    }

    public ExecResult exec(String... command) {
        ExecResult result = Blocking.call(() -> workspace.exec(pod, pod.mainContainer(), command));
        System.out.println("$ " + String.join(" ", command));
        System.out.println(result.transcript());
        return result;
    }

    public String name() {
        return pod.name();
    }

    LabEnvironment environment() {
        return environment;
    }

    Workspace workspace() {
        return workspace;
    }

    PodHandle handle() {
        return pod;
    }

    @Override
    public void close() {
        workspace.close();
    }

    @Override
    public String toString() {
        return "pod " + pod.name() + " (" + origin + ", on " + environment.name() + ")";
    }
}
