package dev.seccomplab.environments;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The workloads applied in one workspace, by name: what {@link Workspace#waitUntilRunning} looks up. */
public final class AppliedWorkloads {

    private final String where;
    private final Map<String, Workload> byName = new ConcurrentHashMap<>();

    /** @param where the workspace in words, for the error, e.g. {@code namespace seccomp-lab-x} */
    public AppliedWorkloads(String where) {
        this.where = where;
    }

    public void put(Workload workload) {
        byName.put(workload.name(), workload);
    }

    public Workload get(String name) {
        return Optional.ofNullable(byName.get(name))
                .orElseThrow(() -> new LabEnvironmentException("No Pod or Deployment named " + name + " was applied in " + where));
    }
}
