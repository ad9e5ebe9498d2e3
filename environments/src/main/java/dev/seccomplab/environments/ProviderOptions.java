package dev.seccomplab.environments;

/**
 * Settings that belong to one provider (kind's node image, cri's socket, a cluster's context).
 * Each provider's package defines its own record; {@link EnvironmentOptions} carries them without
 * knowing what they are, so this package names no provider.
 */
public interface ProviderOptions {
}
