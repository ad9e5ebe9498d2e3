package dev.seccomplab.environments.cluster;

import dev.seccomplab.environments.EnvironmentOptions;
import dev.seccomplab.environments.ProviderOptions;

/**
 * The cluster environment's own settings.
 *
 * @param context the kubeconfig context, or null for the current one
 * @param allowPrivileged let the lab create privileged pods on somebody's cluster (refused by default)
 */
public record ClusterOptions(String context, boolean allowPrivileged) implements ProviderOptions {

    public static ClusterOptions defaults() {
        return new ClusterOptions(null, false);
    }

    public static ClusterOptions in(EnvironmentOptions options) {
        return options.of(ClusterOptions.class, ClusterOptions::defaults);
    }
}
