package dev.seccomplab.environments;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a user can set about the environments: the settings every provider shares, and each
 * provider's own {@link ProviderOptions}. Each {@code with…} returns a changed copy.
 *
 * @param localhostProfileRoot where {@code Localhost} profiles are, standing for /var/lib/kubelet/seccomp
 * @param kubeletConfig the KubeletConfiguration the lab reads where it plays the kubelet (cri, docker)
 * @param providers each provider's own settings, by their type; a provider without an entry uses its defaults
 */
public record EnvironmentOptions(Path localhostProfileRoot, Path kubeletConfig,
                                 Map<Class<? extends ProviderOptions>, ProviderOptions> providers) {

    public EnvironmentOptions {
        providers = Map.copyOf(providers);
    }

    public static EnvironmentOptions defaults() {
        return new EnvironmentOptions(LabStateDirectory.seccompProfiles(), LabStateDirectory.kubeletConfig(), Map.of());
    }

    public EnvironmentOptions withLocalhostProfileRoot(Path root) {
        return new EnvironmentOptions(root, kubeletConfig, providers);
    }

    public EnvironmentOptions withKubeletConfig(Path file) {
        return new EnvironmentOptions(localhostProfileRoot, file, providers);
    }

    /** These options with one provider's settings replaced. */
    public EnvironmentOptions with(ProviderOptions own) {
        Map<Class<? extends ProviderOptions>, ProviderOptions> changed = new LinkedHashMap<>(providers);
        changed.put(own.getClass(), own);
        return new EnvironmentOptions(localhostProfileRoot, kubeletConfig, changed);
    }

    /** One provider's settings, or its defaults where none were set. */
    public <T extends ProviderOptions> T of(Class<T> type, Supplier<T> defaults) {
        ProviderOptions own = providers.get(type);
        return own == null ? defaults.get() : type.cast(own);
    }
}
