package dev.seccomplab.environments.cri;

import dev.seccomplab.environments.CleanupOnExit;
import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.LabLabels;
import dev.seccomplab.environments.Progress;
import dev.seccomplab.environments.Workspace;
import dev.seccomplab.environments.containerd.CriClient;
import dev.seccomplab.environments.containerd.PrivateContainerd;
import dev.seccomplab.environments.containerd.WorkloadImageImport;
import dev.seccomplab.environments.containerd.api.VersionResponse;
import dev.seccomplab.environments.image.WorkloadImageArchive;
import dev.seccomplab.environments.kubelet.LabKubelet;
import dev.seccomplab.environments.kubelet.PlaysTheKubelet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Pods through the CRI, the kubelet's own way to the container runtime: the real containerd, runc
 * and kernel, with the lab in the kubelet's place. By default the lab starts a containerd of its
 * own; with {@code --cri-socket} it uses a runtime that is already there, and leaves the node's
 * settings alone.
 */
public final class CriEnvironment implements PlaysTheKubelet {

    public static final String NAME = "cri";

    private final Optional<Path> endpoint;
    private final Path runRoot;
    private final LabKubelet kubelet;
    private final String owner = LabLabels.thisOwner();
    private final List<Workspace> open = new CopyOnWriteArrayList<>();
    private PrivateContainerd containerd;
    private CriClient cri;
    private CriImages images;
    private String runtime = "containerd";
    private CleanupOnExit cleanup;

    /**
     * @param endpoint an existing CRI socket, or empty for a containerd of the lab's own
     * @param runRoot where the lab's own containerds live ({@link dev.seccomplab.environments.LabStateDirectory#containerdRuns()})
     * @param kubelet the kubelet the lab plays: read-only when {@code endpoint} is given
     */
    public CriEnvironment(Optional<Path> endpoint, Path runRoot, LabKubelet kubelet) {
        this.endpoint = endpoint;
        this.runRoot = runRoot;
        this.kubelet = kubelet;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "pods through containerd's CRI with the lab in the kubelet's place (" + runtime + ", "
                + endpoint.map(socket -> "at " + socket).orElse("the lab's own instance") + "; kubelet configuration "
                + kubelet.configFile() + "; pods on the node's network)";
    }

    @Override
    public String comparedWithACluster() {
        return "containerd, runc and the kernel are the ones a Kubernetes node runs, spoken to over the CRI as the kubelet "
                + "speaks to them. The lab plays the kubelet: it chooses each container's profile from the Pod spec and the "
                + "kubelet configuration file, as the kubelet does, and passes privileged on for containerd to decide. There is "
                + "no API server or scheduler: a Deployment gives one pod, at once. Pods share the node's network.";
    }

    @Override
    public void start(Progress progress) {
        cleanup = CleanupOnExit.register(NAME, this::removeEverything);
        if (endpoint.isPresent()) {
            cri = CriClient.connect(endpoint.get());
            describe(cri.version(), progress);
            List<String> leftovers = CriLeftovers.reapSandboxes(cri, LabLabels::ownerIsGone);
            if (!leftovers.isEmpty()) {
                progress.step("removed pods left on " + endpoint.get() + " by a killed lab run: " + String.join(", ", leftovers));
            }
        } else {
            requireWritable(runRoot);
            List<String> leftovers = CriLeftovers.reapDeadOwners(runRoot, progress);
            if (!leftovers.isEmpty()) {
                progress.step("removed what killed lab runs left: " + String.join(", ", leftovers));
            }
            containerd = PrivateContainerd.start(runRoot.resolve(owner), WorkloadImageArchive.NORMALISED_REFERENCE, Optional.empty(), progress);
            cri = CriClient.connect(containerd.socket());
            describe(cri.version(), progress);
        }
        WorkloadImageImport.ensure(cri, progress);
        images = new CriImages(cri);
        progress.step("kubelet configuration: " + kubelet.configFile() + " (seccompDefault: " + kubelet.read().seccompDefault()
                + (kubelet.readOnly() ? ", read-only" : "") + "); Localhost profiles under " + kubelet.seccompRoot().toAbsolutePath());
    }

    @Override
    public LabKubelet kubelet() {
        return kubelet;
    }

    @Override
    public Workspace openWorkspace(String name) {
        if (cri == null) {
            throw new IllegalStateException("start the cri environment before opening a workspace");
        }
        Workspace workspace = new CriWorkspace(name, cri, images, kubelet);
        open.add(workspace);
        return workspace;
    }

    @Override
    public void close() {
        removeEverything();
        if (cleanup != null) {
            cleanup.close();
        }
    }

    /** Every pod this process started, then its containerd. Safe to run twice (close, then the hook). */
    private synchronized void removeEverything() {
        for (Workspace workspace : open) {
            try {
                workspace.close();
            } catch (RuntimeException e) {
                System.err.println("seccomp-lab: " + e.getMessage());
            }
        }
        open.clear();
        if (images != null && endpoint.isPresent()) {
            try {
                CriLeftovers.reapSandboxes(cri, owner::equals);
            } catch (RuntimeException e) {
                System.err.println("seccomp-lab: " + e.getMessage());
            }
        }
        if (cri != null) {
            cri.close();
            cri = null;
            images = null;
        }
        if (containerd != null) {
            containerd.close();
            containerd = null;
        }
    }

    private void describe(VersionResponse version, Progress progress) {
        runtime = version.getRuntimeName() + " " + version.getRuntimeVersion() + ", CRI " + version.getRuntimeApiVersion();
        progress.step("CRI runtime: " + runtime + " on " + cri.socket());
    }

    private static void requireWritable(Path runRoot) {
        Path existing = runRoot.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isWritable(existing)) {
            throw new LabEnvironmentException("The cri environment starts a containerd of its own under " + runRoot
                    + ", which needs root. Run the lab as root (on Debian: sudo ./lab run), or point --cri-socket at a "
                    + "CRI runtime that is already running.");
        }
    }
}
