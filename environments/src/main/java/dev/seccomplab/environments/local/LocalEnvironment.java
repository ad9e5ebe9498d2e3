package dev.seccomplab.environments.local;

import dev.seccomplab.environments.CleanupOnExit;
import dev.seccomplab.environments.KubeletSettings;
import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.LabLabels;
import dev.seccomplab.environments.LabStateDirectory;
import dev.seccomplab.environments.Poll;
import dev.seccomplab.environments.Progress;
import dev.seccomplab.environments.binaries.KubernetesBinaries;
import dev.seccomplab.environments.containerd.ContainerdConfig;
import dev.seccomplab.environments.containerd.CriClient;
import dev.seccomplab.environments.kubelet.SeccompDirectory;
import dev.seccomplab.environments.kubernetes.ApiServerEnvironment;
import dev.seccomplab.environments.kubernetes.NodeInspector;
import dev.seccomplab.environments.kubernetes.KubeletConfigz;
import dev.seccomplab.environments.kubernetes.KubeletReconfiguration;
import dev.seccomplab.environments.kubernetes.LabNamespaces;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Upstream Kubernetes, one node, run by the lab as processes of its own on this host: etcd, the
 * API server, the controller manager, the scheduler, and a kubelet on the lab's containerd. The
 * Deployments go through the API server, the Deployment controller makes their pods, and the real
 * kubelet chooses each container's profile: the lab does not play the kubelet here.
 *
 * <p>One local cluster runs per host. A lab process that finds one running, owned by another live
 * lab process ({@code lab cluster up}), uses it and leaves it running; one whose owner is gone is
 * removed first.
 */
public final class LocalEnvironment extends ApiServerEnvironment {

    public static final String NAME = "local";
    static final Duration KUBELET_TIMEOUT = Duration.ofSeconds(90);
    static final Duration ATTACH_TIMEOUT = Duration.ofSeconds(120);

    private final KubernetesBinaries binaries;
    private final LocalLayout layout;
    private final Path localhostProfileRoot;
    private final boolean mayStartACluster;
    private LocalCluster owned;
    private KubernetesClient client;
    private CriClient cri;
    private CleanupOnExit cleanup;
    private String startedAs = "";

    /** @param localhostProfileRoot Localhost profiles to copy into the kubelet's seccomp directory at start */
    public LocalEnvironment(KubernetesBinaries binaries, Path localhostProfileRoot) {
        this(binaries, new LocalLayout(LabStateDirectory.localCluster()), localhostProfileRoot, true);
    }

    LocalEnvironment(KubernetesBinaries binaries, LocalLayout layout, Path localhostProfileRoot, boolean mayStartACluster) {
        this.binaries = binaries;
        this.layout = layout;
        this.localhostProfileRoot = localhostProfileRoot;
        this.mayStartACluster = mayStartACluster;
    }

    /**
     * The local cluster another lab process runs ({@code lab cluster up}), for the commands that work
     * on it from outside: restarting its kubelet, kubectl. Starting it fails when none runs.
     */
    public static LocalEnvironment running() {
        return new LocalEnvironment(KubernetesBinaries.inStateDirectory(), new LocalLayout(LabStateDirectory.localCluster()),
                LabStateDirectory.seccompProfiles(), false);
    }

    /** The kubeconfig of a local cluster that runs now, owned by a live lab process and Ready. */
    public static Optional<Path> runningKubeconfig() {
        LocalLayout layout = new LocalLayout(LabStateDirectory.localCluster());
        return LocalLeftovers.owner(layout).filter(owner -> !LabLabels.ownerIsGone(owner))
                .filter(owner -> Files.exists(layout.readyFile())).map(owner -> layout.adminKubeconfig());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "upstream Kubernetes " + binaries.version() + " on this host, one node (" + LocalNode.NAME + "): etcd "
                + binaries.etcdVersion() + ", kube-apiserver, controller manager, scheduler and a kubelet on the lab's containerd"
                + startedAs;
    }

    @Override
    public String comparedWithACluster() {
        return "A real one-node cluster, made by kubeadm and run as the lab's own processes: the API server admits the pods, "
                + "the Deployment controller makes them, and the kubelet chooses each profile; the lab changes the kubelet's "
                + "file and restarts it as an administrator would. There is no kube-proxy or DNS: pods are only exec'd into.";
    }

    @Override
    public void start(Progress progress) {
        if (!LabStateDirectory.isRoot()) {
            throw new LabEnvironmentException("The local environment runs a kubelet and containerd, which need root. Run the lab "
                    + "as root (sudo ./lab run --env local), or use --env cri or docker.");
        }
        LocalProvider.hostProblems().stream().findFirst().ifPresent(problem -> {
            throw new LabEnvironmentException("The local cluster cannot start here: " + problem + ".");
        });
        binaries.ensure(progress);
        LocalLeftovers.owner(layout).filter(LabLabels::ownerIsGone).ifPresent(dead -> {
            List<String> removed = LocalLeftovers.removeAll(layout, progress);
            progress.step("removed the local cluster a killed lab run (" + dead + ") left: " + String.join(", ", removed));
        });
        if (!mayStartACluster && runningKubeconfig().isEmpty()) {
            throw new LabEnvironmentException("No local cluster runs on this host. Start one with './lab cluster up' (it runs "
                    + "until Ctrl-C), then try again in another terminal.");
        }
        if (mayStartACluster && claimFolder()) {
            cleanup = CleanupOnExit.register(NAME, this::stopOwnedCluster);
            owned = LocalCluster.start(layout, binaries, LocalPorts.standard(), progress);
            writeReady();
            startedAs = "; started by this lab process";
        } else {
            String owner = awaitReady(progress);
            startedAs = "; the cluster of lab process " + owner + ", used here and left running";
            progress.step("using the local cluster that lab process " + owner + " runs (" + layout.root() + ")");
        }
        client = LocalCluster.client(layout.adminKubeconfig());
        cri = CriClient.connect(layout.containerd().resolve(ContainerdConfig.SOCKET));
        copyLocalhostProfiles(progress);
        List<String> leftovers = LabNamespaces.reapLeftovers(client);
        if (!leftovers.isEmpty()) {
            progress.step("deleting namespaces left by a killed lab run: " + String.join(", ", leftovers));
        }
    }

    /** The kubeconfig of the cluster, for kubectl: kubeadm's admin.conf. */
    public Path kubeconfig() {
        return layout.adminKubeconfig();
    }

    /** Whether this lab process started the cluster (and stops it at close), rather than using another's. */
    public boolean ownsTheCluster() {
        return owned != null;
    }

    /** For {@code lab cluster up}: blocks until one of the cluster's programs ends by itself; returns its name. */
    public String awaitUnexpectedExit() {
        if (owned == null) {
            throw new IllegalStateException("this lab process does not run the cluster");
        }
        return owned.awaitAnyExit();
    }

    @Override
    public KubeletSettings readKubeletSettings() {
        return new KubeletSettings(KubeletConfigz.readSeccompDefault(client, LocalNode.NAME),
                "configz of node " + LocalNode.NAME + " (GET " + KubeletConfigz.path(LocalNode.NAME) + ")");
    }

    /** Edits the kubelet's own file and restarts it, as the seed article does. */
    @Override
    public void applyKubeletSettings(KubeletSettings wanted, Progress progress) {
        KubeletReconfiguration.setSeccompDefault(client, new LocalNode(layout), wanted.seccompDefault(), KUBELET_TIMEOUT, progress);
    }

    /** Restarts the kubelet on whatever its file says now (a trainee's edit), and waits for it: {@code lab cluster restart-kubelet}. */
    public KubeletSettings restartKubelet(Progress progress) {
        LocalNode node = new LocalNode(layout);
        try {
            return KubeletReconfiguration.restartAndAwait(client, node, Optional.empty(), KUBELET_TIMEOUT, progress);
        } catch (LabEnvironmentException notBack) {
            throw new LabEnvironmentException("The kubelet did not come back after its restart (" + notBack.getMessage() + "). "
                    + "It reads " + node.configFile() + ": fix what its log says, then restart it again. The kubelet's log:\n"
                    + node.recentLog(), notBack);
        }
    }

    /** The kubelet's seccomp directory: a node's /var/lib/kubelet/seccomp. */
    public Path seccompProfileDirectory() {
        return layout.seccompProfiles();
    }

    /** Where the kubelet reads its configuration: the file a trainee edits. */
    public Path kubeletConfig() {
        return layout.kubeletConfig();
    }

    @Override
    public void installLocalhostProfile(String relativePath, String json) {
        Path file = SeccompDirectory.resolve(layout.seccompProfiles(), relativePath);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, json);
        } catch (IOException e) {
            throw new LabEnvironmentException("Cannot write the Localhost profile " + file + ": " + e, e);
        }
    }

    @Override
    protected KubernetesClient client() {
        return client;
    }

    @Override
    protected NodeInspector nodeInspector() {
        return new LocalNodeInspector(cri);
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
            client = null;
        }
        if (cri != null) {
            cri.close();
            cri = null;
        }
        stopOwnedCluster();
        if (cleanup != null) {
            cleanup.close();
            cleanup = null;
        }
    }

    private synchronized void stopOwnedCluster() {
        if (owned != null) {
            owned.close();
            owned = null;
        }
    }

    /** Making the folder is the lock: only one lab process can. It then writes its name into it. */
    private boolean claimFolder() {
        try {
            Files.createDirectories(layout.root().getParent());
            Files.createDirectory(layout.root());
            Files.writeString(layout.ownerFile(), LabLabels.thisOwner());
            return true;
        } catch (FileAlreadyExistsException taken) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + layout.root() + " for the local cluster", e);
        }
    }

    private void writeReady() {
        try {
            Files.writeString(layout.readyFile(), LabLabels.thisOwner());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + layout.readyFile(), e);
        }
    }

    /** Another live lab process owns the cluster: wait until its node is Ready. Returns the owner. */
    private String awaitReady(Progress progress) {
        return Poll.until(ATTACH_TIMEOUT, Duration.ofMillis(200), () -> {
            Optional<String> owner = LocalLeftovers.owner(layout);
            if (owner.isPresent() && LabLabels.ownerIsGone(owner.get())) {
                throw new LabEnvironmentException("The local cluster's owner, lab process " + owner.get() + ", ended while it "
                        + "started the cluster. Run again: its leftovers are removed first.");
            }
            return Files.exists(layout.readyFile()) ? owner : Optional.empty();
        }, () -> new LabEnvironmentException("Another lab process (" + LocalLeftovers.owner(layout).orElse("?") + ") has been "
                + "starting the local cluster in " + layout.root() + " for " + ATTACH_TIMEOUT.toSeconds() + " s without finishing. "
                + "Stop it, or remove everything with 'lab down'."));
    }

    /** The profile root stands for the kubelet's seccomp directory; its files keep their relative paths. */
    private void copyLocalhostProfiles(Progress progress) {
        if (!Files.isDirectory(localhostProfileRoot)) {
            return;
        }
        try (Stream<Path> files = Files.walk(localhostProfileRoot)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                installLocalhostProfile(localhostProfileRoot.relativize(file).toString(), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy Localhost profiles from " + localhostProfileRoot, e);
        }
        progress.step("Localhost profiles from " + localhostProfileRoot + " are in the kubelet's seccomp directory " + layout.seccompProfiles());
    }
}
