package dev.seccomplab.environments.kubelet;

import dev.seccomplab.environments.KubeletSettings;
import dev.seccomplab.environments.LabEnvironment;
import dev.seccomplab.environments.Progress;

/**
 * An environment with no kubelet of its own, where the lab plays the kubelet's part: its
 * settings are the {@link LabKubelet}'s configuration file, read back, and edited as an
 * administrator would.
 */
public interface PlaysTheKubelet extends LabEnvironment {

    LabKubelet kubelet();

    @Override
    default KubeletSettings readKubeletSettings() {
        return kubelet().read();
    }

    @Override
    default void applyKubeletSettings(KubeletSettings wanted, Progress progress) {
        kubelet().apply(wanted, progress);
    }

    @Override
    default void installLocalhostProfile(String relativePath, String json) {
        kubelet().installProfile(relativePath, json);
    }
}
