package dev.seccomplab.environments;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The Deployments applied in one workspace, by name: what {@link Workspace#waitUntilRunning} looks up. */
public final class AppliedDeployments {

    private final String where;
    private final Map<String, Deployment> byName = new ConcurrentHashMap<>();

    /** @param where the workspace in words, for the error, e.g. {@code namespace seccomp-lab-x} */
    public AppliedDeployments(String where) {
        this.where = where;
    }

    public void put(Deployment deployment) {
        byName.put(deployment.getMetadata().getName(), deployment);
    }

    public Deployment get(String name) {
        return Optional.ofNullable(byName.get(name))
                .orElseThrow(() -> new LabEnvironmentException("No Deployment named " + name + " was applied in " + where));
    }
}
