package dev.seccomplab.environments.cri;

import dev.seccomplab.environments.EnvironmentOptions;
import dev.seccomplab.environments.LabStateDirectory;
import dev.seccomplab.environments.ProviderOptions;
import java.nio.file.Path;
import java.util.Optional;

/**
 * cri's own settings.
 *
 * @param socket an existing CRI endpoint, or empty for the lab's own containerd
 * @param runRoot where the lab's own containerds live
 */
public record CriOptions(Optional<Path> socket, Path runRoot) implements ProviderOptions {

    public static CriOptions defaults() {
        return new CriOptions(Optional.empty(), LabStateDirectory.containerdRuns());
    }

    public static CriOptions in(EnvironmentOptions options) {
        return options.of(CriOptions.class, CriOptions::defaults);
    }

    public CriOptions withSocket(Path endpoint) {
        return new CriOptions(Optional.ofNullable(endpoint), runRoot);
    }
}
