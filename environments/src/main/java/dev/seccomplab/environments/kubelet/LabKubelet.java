package dev.seccomplab.environments.kubelet;

import dev.seccomplab.environments.KubeletSettings;
import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.NodeSettingsReadOnlyException;
import dev.seccomplab.environments.Progress;
import dev.seccomplab.environments.rules.ChosenProfile;
import dev.seccomplab.environments.rules.SeccompProfileRules;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The kubelet's part, played by the lab where no kubelet runs (the {@code cri} and {@code docker}
 * environments): its configuration is a real KubeletConfiguration file, read back each time a pod
 * starts, and its choice of profile comes from {@link SeccompProfileRules}. Nothing else: what the
 * runtime then does with the profile is its own affair, and observed.
 *
 * @param configFile the KubeletConfiguration, as on a node's /var/lib/kubelet/config.yaml
 * @param seccompRoot the kubelet's seccomp directory (a node's /var/lib/kubelet/seccomp)
 * @param readOnly true where the node is somebody else's: the lab then never edits the file
 */
public record LabKubelet(Path configFile, Path seccompRoot, boolean readOnly) {

    /** The settings as the file says now; a missing file means a kubelet on its defaults. */
    public KubeletSettings read() {
        String yaml;
        try {
            yaml = Files.readString(configFile);
        } catch (NoSuchFileException e) {
            return new KubeletSettings(KubeletSettings.KUBELET_DEFAULT_SECCOMP_DEFAULT,
                    configFile + " (absent: the kubelet's default)");
        } catch (IOException e) {
            throw new LabEnvironmentException("Cannot read the kubelet configuration " + configFile + ": " + e, e);
        }
        return new KubeletSettings(KubeletConfigFile.seccompDefault(yaml, configFile.toString()), configFile.toString());
    }

    /** Edits the file as an administrator would; the next pod started reads it back. */
    public void apply(KubeletSettings wanted, Progress progress) {
        if (readOnly) {
            throw new NodeSettingsReadOnlyException("the kubelet configuration " + configFile + " belongs to the node the "
                    + "lab was pointed at, so the lab does not edit it; it says seccompDefault: " + read().seccompDefault());
        }
        try {
            Files.createDirectories(configFile.toAbsolutePath().getParent());
            String current = Files.exists(configFile) ? Files.readString(configFile) : KubeletConfigFile.fresh();
            Files.writeString(configFile, KubeletConfigFile.withSeccompDefault(current, wanted.seccompDefault(), configFile.toString()));
        } catch (IOException e) {
            throw new LabEnvironmentException("Cannot write the kubelet configuration " + configFile + ": " + e
                    + ". Point the lab at a writable file with --kubelet-config.", e);
        }
        progress.step("set seccompDefault: " + wanted.seccompDefault() + " in " + configFile);
    }

    /** The profile the kubelet asks the runtime for, with the seccompDefault read now. */
    public ChosenProfile choose(PodSpec pod, Container container) {
        return SeccompProfileRules.kubeletChoice(pod, container, read().seccompDefault());
    }

    /**
     * What the lab, as the kubelet, asks the runtime for, with the runtime's expected answer set
     * beside it: evidence for a report, never applied.
     */
    public String describeRequest(ChosenProfile profile, Container container) {
        return profile.describe() + " (" + profile.reason() + "); expected of the runtime: "
                + SeccompProfileRules.runtimePrediction(profile, SeccompProfileRules.isPrivileged(container));
    }

    /** The node path the kubelet sends for a Localhost profile: the seccomp root joined with {@code localhostProfile}. */
    public Path localhostProfilePath(ChosenProfile profile) {
        return SeccompDirectory.resolve(seccompRoot, profile.localhostProfile());
    }

    /** Writes a Localhost profile under the seccomp directory, as an administrator copies one onto a node. */
    public void installProfile(String relativePath, String json) {
        Path file = SeccompDirectory.resolve(seccompRoot, relativePath);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, json);
        } catch (IOException e) {
            throw new LabEnvironmentException("Cannot write the Localhost profile " + file + ": " + e
                    + ". Point the lab at a writable directory with --seccomp-profiles.", e);
        }
    }

    /** The content of a Localhost profile, for runtimes that take the JSON itself (Docker). */
    public String readLocalhostProfile(ChosenProfile profile) {
        Path file = localhostProfilePath(profile);
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new LabEnvironmentException("Localhost seccomp profile " + file + " cannot be read (" + e + "). Put the "
                    + "profile there: that directory stands for the kubelet's /var/lib/kubelet/seccomp.", e);
        }
    }
}
