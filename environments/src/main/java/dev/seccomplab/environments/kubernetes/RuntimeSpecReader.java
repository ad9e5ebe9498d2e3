package dev.seccomplab.environments.kubernetes;

import dev.seccomplab.environments.RuntimeSeccompSpec;

/** Reads the OCI runtime spec of a container on its node: an environment's own way in. */
@FunctionalInterface
public interface RuntimeSpecReader {

    /** @param containerId the CRI container id, without its {@code containerd://} prefix */
    RuntimeSeccompSpec read(String nodeName, String containerId);
}
