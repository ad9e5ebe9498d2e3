package dev.seccomplab.environments.cri;

import dev.seccomplab.environments.EnvironmentOptions;
import dev.seccomplab.environments.EnvironmentProvider;
import dev.seccomplab.environments.Finding;
import dev.seccomplab.environments.HostExecutables;
import dev.seccomplab.environments.LabEnvironment;
import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.LabLabels;
import dev.seccomplab.environments.LabStateDirectory;
import dev.seccomplab.environments.Progress;
import dev.seccomplab.environments.containerd.CriClient;
import dev.seccomplab.environments.containerd.PrivateContainerd;
import dev.seccomplab.environments.containerd.api.VersionResponse;
import dev.seccomplab.environments.host.HostCommand;
import dev.seccomplab.environments.image.WorkloadImageArchive;
import dev.seccomplab.environments.kubelet.LabKubelet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The cri environment: third choice of {@code auto}, after kind and local, since the lab plays the kubelet but the runtime is a node's. */
public final class CriProvider implements EnvironmentProvider {

    static final String SUBJECT = "cri (containerd)";

    @Override
    public String name() {
        return CriEnvironment.NAME;
    }

    @Override
    public Optional<Integer> autoRank() {
        return Optional.of(3);
    }

    @Override
    public Optional<String> whyNotHere(EnvironmentOptions options) {
        Optional<Path> endpoint = CriOptions.in(options).socket();
        if (endpoint.isPresent()) {
            Path socket = endpoint.get();
            return Files.exists(socket) ? Optional.empty() : Optional.of("no CRI socket at " + socket);
        }
        if (HostExecutables.find("containerd").isEmpty()) {
            return Optional.of("this host has no containerd (Debian: apt-get install containerd)");
        }
        if (HostExecutables.find("ctr").isEmpty()) {
            return Optional.of("this host has containerd but not its 'ctr' command, which loads the workload image");
        }
        if (!LabStateDirectory.isRoot()) {
            return Optional.of("starting a containerd of the lab's own needs root (or give --cri-socket)");
        }
        return Optional.empty();
    }

    @Override
    public List<Finding> findings(EnvironmentOptions options) {
        CriOptions cri = CriOptions.in(options);
        if (cri.socket().isPresent()) {
            return List.of(endpointFinding(cri.socket().get()));
        }
        List<Finding> findings = new ArrayList<>();
        Optional<Path> containerd = HostExecutables.find("containerd");
        if (containerd.isEmpty()) {
            findings.add(Finding.missing(SUBJECT, "no containerd on this host. Install it (Debian: apt-get install containerd), "
                    + "or give --cri-socket PATH of a running CRI runtime."));
            return findings;
        }
        findings.add(Finding.ok(SUBJECT, containerd.get() + ": " + versionOf(containerd.get())));
        if (HostExecutables.find("ctr").isEmpty()) {
            findings.add(Finding.missing("cri: ctr", "containerd's 'ctr' command is missing; it loads the workload image. "
                    + "Reinstall containerd (Debian: apt-get install --reinstall containerd)."));
        }
        if (!LabStateDirectory.isRoot()) {
            findings.add(Finding.missing("cri: root", "the lab starts a containerd of its own, which needs root: run as root, "
                    + "or give --cri-socket PATH of a running CRI runtime."));
            return findings;
        }
        findings.add(pluginFinding(cri.runRoot()));
        return findings;
    }

    @Override
    public List<String> removeAll(EnvironmentOptions options, Progress progress) {
        List<String> removed = new ArrayList<>();
        CriOptions own = CriOptions.in(options);
        if (own.socket().isPresent() && Files.exists(own.socket().get())) {
            try (CriClient cri = CriClient.connect(own.socket().get())) {
                CriLeftovers.reapSandboxes(cri, owner -> true).forEach(pod -> removed.add("pod " + pod + " on " + cri.socket()));
            }
        }
        if (Files.isDirectory(own.runRoot())) {
            removed.addAll(CriLeftovers.reapAll(own.runRoot(), progress));
        }
        return removed;
    }

    @Override
    public LabEnvironment create(EnvironmentOptions options) {
        CriOptions cri = CriOptions.in(options);
        LabKubelet kubelet = new LabKubelet(options.kubeletConfig(), options.localhostProfileRoot(), cri.socket().isPresent());
        return new CriEnvironment(cri.socket(), cri.runRoot(), kubelet);
    }

    private static Finding endpointFinding(Path socket) {
        try (CriClient cri = CriClient.connect(socket)) {
            VersionResponse version = cri.version();
            return Finding.ok("cri endpoint", socket + ": " + version.getRuntimeName() + " " + version.getRuntimeVersion()
                    + ", CRI " + version.getRuntimeApiVersion() + " (node settings are read-only)");
        } catch (LabEnvironmentException e) {
            return Finding.missing("cri endpoint", e.getMessage());
        }
    }

    /** Starts the lab's own containerd for a moment: the only sure way to know that its CRI plugin serves. */
    private static Finding pluginFinding(Path runRoot) {
        long started = System.nanoTime();
        try (PrivateContainerd probe = PrivateContainerd.start(runRoot.resolve(LabLabels.thisOwner()),
                WorkloadImageArchive.NORMALISED_REFERENCE, Optional.empty(), Progress.SILENT);
             CriClient cri = CriClient.connect(probe.socket())) {
            VersionResponse version = cri.version();
            return Finding.ok("cri: CRI plugin", "the lab's own containerd serves CRI " + version.getRuntimeApiVersion()
                    + " (started, asked and stopped in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms)");
        } catch (LabEnvironmentException e) {
            return Finding.missing("cri: CRI plugin", e.getMessage());
        }
    }

    private static String versionOf(Path containerd) {
        try {
            return HostCommand.of(containerd.toString(), "--version").timeout(java.time.Duration.ofSeconds(10)).run().output().strip();
        } catch (LabEnvironmentException e) {
            return "cannot run it: " + e.getMessage();
        }
    }
}
