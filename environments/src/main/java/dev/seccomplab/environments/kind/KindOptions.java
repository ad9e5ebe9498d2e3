package dev.seccomplab.environments.kind;

import dev.seccomplab.environments.EnvironmentOptions;
import dev.seccomplab.environments.ProviderOptions;

/**
 * kind's own settings.
 *
 * @param node the node's Kubernetes version and image
 * @param reuse keep the kind cluster for the next run (opt-in: Testcontainers reuse)
 */
public record KindOptions(KindNodeChoice node, boolean reuse) implements ProviderOptions {

    public static KindOptions defaults() {
        return new KindOptions(KindNodeChoice.newest(), false);
    }

    public static KindOptions in(EnvironmentOptions options) {
        return options.of(KindOptions.class, KindOptions::defaults);
    }

    public KindOptions withReuse(boolean keep) {
        return new KindOptions(node, keep);
    }
}
