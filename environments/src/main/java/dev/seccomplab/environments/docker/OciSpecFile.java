package dev.seccomplab.environments.docker;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.RuntimeSeccompSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the OCI runtime spec ({@code config.json}) that Docker handed to runc for a container.
 * Docker keeps it in the containerd shim's bundle directory, which depends on whether the engine
 * runs its own containerd (Docker 20.10) or the system's (Docker 23 and later). Root only.
 */
final class OciSpecFile {

    static final List<Path> BUNDLE_ROOTS = List.of(
            Path.of("/run/docker/containerd/daemon/io.containerd.runtime.v2.task/moby"),
            Path.of("/run/containerd/io.containerd.runtime.v2.task/moby"));

    private static final ObjectMapper JSON = new ObjectMapper();

    private OciSpecFile() {
    }

    static RuntimeSeccompSpec read(String containerId, List<Path> bundleRoots) {
        Path config = bundleRoots.stream()
                .map(root -> root.resolve(containerId).resolve("config.json"))
                .filter(Files::isReadable)
                .findFirst()
                .orElseThrow(() -> new LabEnvironmentException("The OCI runtime spec of container "
                        + containerId.substring(0, 12) + " is not readable under " + bundleRoots
                        + ". The lab reads it from the engine's host: run it as root on the machine where dockerd runs."));
        try {
            return RuntimeSeccompSpec.of(JSON.readTree(Files.readString(config)), config.toString());
        } catch (IOException e) {
            throw new LabEnvironmentException("Cannot parse the OCI runtime spec " + config + ": " + e.getMessage(), e);
        }
    }
}
