package dev.seccomplab.environments.kind.nodeimage;

import com.github.dockerjava.api.DockerClient;
import dev.seccomplab.environments.HostExecutables;
import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.Progress;
import dev.seccomplab.environments.engine.DockerEngine;
import dev.seccomplab.environments.ProgressTicker;
import dev.seccomplab.environments.host.Directories;
import dev.seccomplab.environments.host.HostCommand;
import dev.seccomplab.environments.image.DockerImageBuild;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A Debian root file system made with mmdebstrap from the host's apt sources, imported into Docker
 * as an image. Debian's archive can be reached where no container registry can; kind's own base
 * image starts from {@code debian:bookworm-slim}, which would have to be pulled. Cached by what it
 * is made of: the release and the packages.
 *
 * @param name what the base is for, part of its tag
 */
record DebianBase(String name, List<String> packages) {

    static final String REPOSITORY = KindNodeImageBuild.REPOSITORY_PREFIX + "node-base";
    static final Duration TIMEOUT = Duration.ofMinutes(20);

    /**
     * What a kind node runs: systemd (with dbus, which the kubelet's and runc's systemd cgroup
     * driver talk to), containerd and runc, the CNI plugins, and the tools kube-proxy and the
     * kubelet call (iptables, conntrack, mount, ethtool, socat).
     */
    static final DebianBase NODE = new DebianBase("node", List.of("systemd", "systemd-sysv", "dbus", "containerd", "runc",
            "containernetworking-plugins", "iptables", "iproute2", "kmod", "mount", "util-linux", "procps", "ca-certificates",
            "conntrack", "ethtool", "socat", "libseccomp2"));
    /** kube-proxy's image, and the CNI installer's: a shell and iptables. */
    static final DebianBase IPTABLES = new DebianBase("iptables", List.of("iptables", "conntrack"));

    String reference(AptSources sources) {
        return REPOSITORY + ":" + name + "-" + sources.suite() + "-" + digest(sources).substring(0, 12);
    }

    /** The image, made unless Docker has it already. */
    String ensure(DockerClient docker, AptSources sources, Path workDirectory, Progress progress) {
        String reference = reference(sources);
        if (DockerEngine.hasImage(docker, reference)) {
            progress.step("Debian base " + reference + " is here already");
            return reference;
        }
        Path mmdebstrap = HostExecutables.find("mmdebstrap").orElseThrow(() -> new LabEnvironmentException(
                "The kind node image is made from Debian packages with mmdebstrap, which this host lacks. Install it "
                        + "(as root: apt-get install mmdebstrap), or run scripts/ensure-host.sh, then run again."));
        Path folder = workDirectory.resolve("base-" + name);
        Path rootfs = folder.resolve("rootfs.tar");
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new LabEnvironmentException("Cannot create " + folder + ": " + e.getMessage(), e);
        }
        List<String> command = new ArrayList<>(List.of(mmdebstrap.toString(), "--variant=minbase",
                "--include=" + String.join(",", packages), sources.suite(), rootfs.toString()));
        sources.files().forEach(file -> command.add(file.toString()));
        progress.step("making the Debian " + sources.suite() + " root file system '" + name + "' with mmdebstrap from this host's apt "
                + "sources (" + packages.size() + " packages and their dependencies; about a minute)");
        HostCommand.Result result;
        try (ProgressTicker ticker = new ProgressTicker(progress, "mmdebstrap is still working on '" + name + "'", 15)) {
            result = HostCommand.of(command).timeout(TIMEOUT).onLine(line -> {
                if (line.startsWith("I: ") && !line.startsWith("I: running")) {
                    progress.step("  mmdebstrap: " + line.substring(3));
                }
            }).run();
        }
        if (!result.succeeded()) {
            List<String> errors = result.output().lines().filter(line -> line.startsWith("E: ")).toList();
            throw new LabEnvironmentException("mmdebstrap could not make the node's Debian root file system: "
                    + (errors.isEmpty() ? "exit code " + result.exitCode() : String.join(" | ", errors))
                    + ". It installs from this host's apt sources (" + sources.files() + "); check that 'apt-get update' works.");
        }
        // A build rather than an import: docker-java's streamed import is cut short for files this size.
        progress.step("turning the root file system into the Docker image " + reference);
        try {
            Files.writeString(folder.resolve("Dockerfile"), "FROM scratch\nADD rootfs.tar /\n");
            DockerImageBuild.ofDirectory(docker, folder, "the Debian base '" + name + "'").run(reference, Map.of(), Progress.SILENT);
        } catch (IOException e) {
            throw new LabEnvironmentException("Cannot write the build folder " + folder + ": " + e.getMessage(), e);
        } finally {
            Directories.deleteRecursively(folder);
        }
        return reference;
    }

    /** Of the release, the packages and the sources' content: a changed mirror or package list is a new base. */
    String digest(AptSources sources) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((sources.suite() + "\n" + String.join(",", packages) + "\n").getBytes(StandardCharsets.UTF_8));
            for (Path file : sources.files()) {
                sha.update(Files.readAllBytes(file));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        } catch (IOException e) {
            throw new LabEnvironmentException("Cannot read the apt sources " + sources.files() + ": " + e.getMessage(), e);
        }
    }
}
