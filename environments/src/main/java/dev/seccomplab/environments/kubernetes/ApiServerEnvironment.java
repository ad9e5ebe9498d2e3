package dev.seccomplab.environments.kubernetes;

import dev.seccomplab.environments.LabEnvironment;
import dev.seccomplab.environments.PodSecurityLevel;
import dev.seccomplab.environments.Workspace;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * An environment with a real API server (kind, local, somebody's cluster): its workspaces are
 * namespaces, opened the same way everywhere, each with the environment's own way of reading the
 * node and its guard for privileged pods.
 */
public abstract class ApiServerEnvironment implements LabEnvironment {

    /** The started environment's client; null before it starts. */
    protected abstract KubernetesClient client();

    /** How this environment reads a container's runtime spec and main process on its node. */
    protected abstract NodeInspector nodeInspector();

    /** Whether privileged pods may be created here; everywhere but somebody else's cluster, they may. */
    protected PrivilegedGuard privilegedGuard() {
        return PrivilegedGuard.allowAll();
    }

    @Override
    public final Workspace openWorkspace(String name) {
        return KubernetesWorkspace.open(started(), name, nodeInspector(), privilegedGuard());
    }

    @Override
    public final Workspace openWorkspace(String name, PodSecurityLevel enforced) {
        return KubernetesWorkspace.open(started(), name, enforced.namespaceLabels(), nodeInspector(), privilegedGuard());
    }

    @Override
    public final Workspace attachNamespace(String namespace) {
        return KubernetesWorkspace.attach(started(), namespace, nodeInspector(), privilegedGuard());
    }

    private KubernetesClient started() {
        KubernetesClient client = client();
        if (client == null) {
            throw new IllegalStateException("start the " + name() + " environment before opening a workspace");
        }
        return client;
    }
}
