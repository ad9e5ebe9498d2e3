package dev.seccomplab.environments.kind;

import com.dajudge.kindcontainer.KindContainer;
import com.dajudge.kindcontainer.KindContainerVersion;
import com.dajudge.kindcontainer.KubernetesImageSpec;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.seccomplab.environments.CleanupOnExit;
import dev.seccomplab.environments.Failures;
import dev.seccomplab.environments.HostLimitException;
import dev.seccomplab.environments.KubeletSettings;
import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.LabLabels;
import dev.seccomplab.environments.Poll;
import dev.seccomplab.environments.Progress;
import dev.seccomplab.environments.ProgressTicker;
import dev.seccomplab.environments.engine.DockerEngine;
import dev.seccomplab.environments.engine.LabContainerReaper;
import dev.seccomplab.environments.engine.PrivilegedProbe;
import dev.seccomplab.environments.engine.PrivilegedRuntime;
import dev.seccomplab.environments.image.WorkloadImage;
import dev.seccomplab.environments.image.WorkloadImageArchive;
import dev.seccomplab.environments.kind.nodeimage.KindNodeImageBuild;
import dev.seccomplab.environments.kubelet.SeccompDirectory;
import dev.seccomplab.environments.kubernetes.ApiServerEnvironment;
import dev.seccomplab.environments.kubernetes.NodeInspector;
import dev.seccomplab.environments.kubernetes.KubeletConfigz;
import dev.seccomplab.environments.kubernetes.KubeletReconfiguration;
import dev.seccomplab.environments.kubernetes.LabNamespaces;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.testcontainers.utility.TestcontainersConfiguration;

/**
 * A one-node kind cluster in a container, started with Testcontainers' Kindcontainer. The real
 * kubelet picks each profile, containerd attaches it, and the lab reads the kubelet's settings
 * back through the API server.
 */
public final class KindEnvironment extends ApiServerEnvironment {

    public static final String NAME = "kind";
    /** Kindcontainer names its node {@code kind}. */
    static final String NODE = "kind";
    static final String NODE_SECCOMP_ROOT = "/var/lib/kubelet/seccomp";
    static final Duration KUBELET_RESTART_TIMEOUT = Duration.ofMinutes(2);
    /** A reused node must not carry a process id: Testcontainers would see a new container each run. */
    static final String REUSED_OWNER = "reusable";
    /** Kindcontainer names a reused node's containerd volume {@code kindcontainer-reuse-<this>}. */
    static final String REUSE_NAME = "seccomp-lab";
    public static final String REUSE_VOLUME = "kindcontainer-reuse-" + REUSE_NAME;

    private final KindContainerVersion version;
    private final String image;
    private final Path localhostProfileRoot;
    private final boolean reuse;
    private KindContainer<?> kind;
    private KubernetesClient client;
    private NodeShell node;
    private CleanupOnExit cleanup;

    /**
     * @param reuse keep the cluster for the next run (Testcontainers reuse, which also needs
     *              {@code testcontainers.reuse.enable=true} in ~/.testcontainers.properties)
     */
    public KindEnvironment(KindContainerVersion version, String image, Path localhostProfileRoot, boolean reuse) {
        this.version = version;
        this.image = image;
        this.localhostProfileRoot = localhostProfileRoot;
        this.reuse = reuse;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "a one-node kind cluster, Kubernetes " + version + " (" + image + ")";
    }

    @Override
    public String comparedWithACluster() {
        return "A real one-node cluster: API server, kubelet and containerd, inside one container on this host. The kubelet "
                + "chooses the profiles; the lab changes its configuration the way an administrator would.";
    }

    @Override
    public void start(Progress progress) {
        if (reuse && !TestcontainersConfiguration.getInstance().environmentSupportsReuse()) {
            throw new LabEnvironmentException("--reuse needs Testcontainers' reuse switched on, else the node would be an "
                    + "ordinary container that nothing removes. Add 'testcontainers.reuse.enable=true' to "
                    + "~/.testcontainers.properties, or leave out --reuse.");
        }
        DockerClient docker = DockerEngine.connect();
        if (!DockerEngine.hasImage(docker, image)) {
            throw new LabEnvironmentException(KindNodeImage.missingMessage(image));
        }
        if (!KindNodeImageBuild.isLabImage(docker, image)) {
            NodeRegistries.unreachable().ifPresent(why -> {
                throw new LabEnvironmentException("kind cannot start: " + why);
            });
        }
        List<String> leftovers = new LabContainerReaper(docker).reapLeftovers();
        if (!leftovers.isEmpty()) {
            progress.step("removed containers left by a killed lab run: " + String.join(", ", leftovers));
        }
        WorkloadImage.ensurePresent(docker, progress);
        PrivilegedProbe.hostLimit(docker).ifPresent(limit -> {
            throw new HostLimitException("host limit: the kind node runs as a privileged container, and " + limit, null);
        });
        startNode(docker, progress);
        client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kind.getKubeconfig())).build();
        ImageImport.load(node, WorkloadImageArchive.fromHost(), progress);
        copyLocalhostProfiles(progress);
        // A reused node keeps what a killed run made in it: its namespaces go, as on any cluster.
        List<String> namespaces = LabNamespaces.reapLeftovers(client);
        if (!namespaces.isEmpty()) {
            progress.step("deleting namespaces left by a killed lab run: " + String.join(", ", namespaces));
        }
    }

    private void startNode(DockerClient docker, Progress progress) {
        Map<String, String> labels = new HashMap<>(LabLabels.forThisProcess());
        if (reuse) {
            labels.put(LabLabels.OWNER, REUSED_OWNER);
        }
        kind = new KindContainer<>(new KubernetesImageSpec<>(version).withImage(image))
                .withImagePullPolicy(name -> false)
                .withLabels(labels)
                .withReuse(reuse, REUSE_NAME)
                .withCreateContainerCmdModifier(cmd -> {
                    // As kind starts its nodes: the node's systemd owns a cgroup tree of its own.
                    cmd.getHostConfig().withCgroupnsMode("private");
                    PrivilegedRuntime.apply(docker, cmd);
                });
        node = new NodeShell(kind);
        if (!reuse) {
            cleanup = CleanupOnExit.register(NAME, this::stopNode);
        }
        progress.step("starting the kind node " + image + (reuse ? " (reusable)" : ""));
        long start = System.nanoTime();
        AtomicReference<String> journal = new AtomicReference<>("");
        try (ProgressTicker ticker = new ProgressTicker(progress, () -> {
            journal.set(kubeletJournal());
            return "waiting for the kind node to be Ready";
        }, 10)) {
            kind.start();
        } catch (RuntimeException e) {
            throw new LabEnvironmentException("The kind node " + image + " did not become Ready: " + firstError(e)
                    + (journal.get().isBlank() ? "" : ". The last lines of the kubelet's journal in the node:\n" + journal.get().strip()), e);
        }
        progress.step("node " + NODE + " is Ready " + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms after the start of its container");
    }

    /** What an administrator would look at on a node that does not come up; empty before the node runs. */
    private String kubeletJournal() {
        try {
            return kubelet().recentLog();
        } catch (RuntimeException notRunningYet) {
            return "";
        }
    }

    private KindKubeletHost kubelet() {
        return new KindKubeletHost(node, NODE, version);
    }

    /** Kindcontainer's failures carry kubeadm's whole output; its first error line says what went wrong. */
    static String firstError(Throwable failure) {
        String message = Failures.rootCauseMessage(failure);
        return message.lines().filter(line -> line.startsWith("error") || line.contains("[ERROR]")).findFirst()
                .orElse(message.lines().findFirst().orElse(message)).strip();
    }

    /**
     * Stops the node and removes its containerd volume. On Ctrl-C, Testcontainers' own shutdown hook
     * removes the node while this one runs; Kindcontainer's removal of the volume then meets "volume
     * in use" and only logs it, and the volume carries no label of the lab's that a later run could
     * find it by. So the lab removes it itself, once nothing uses it.
     */
    private void stopNode() {
        DockerClient docker = DockerEngine.connect();
        Optional<String> volume = containerdVolume(docker);
        kind.stop();
        volume.ifPresent(name -> {
            LabContainerReaper reaper = new LabContainerReaper(docker);
            try {
                Poll.until(Duration.ofSeconds(30), Duration.ofMillis(250),
                        () -> reaper.volumeExists(name) ? reaper.removeVolumeIfUnused(name) : Optional.of(name),
                        () -> new LabEnvironmentException("The kind node's volume " + name + " is still in use 30 s after the node "
                                + "stopped; remove it with 'docker volume rm " + name + "' or 'lab down'."));
            } catch (LabEnvironmentException e) {
                System.err.println("lab: " + e.getMessage());
            }
        });
    }

    /** The volume Kindcontainer mounts over the node's /var/lib/containerd, while the node exists. */
    private Optional<String> containerdVolume(DockerClient docker) {
        if (kind.getContainerId() == null) {
            return Optional.empty();
        }
        try {
            return docker.inspectContainerCmd(kind.getContainerId()).exec().getMounts().stream()
                    .filter(mount -> mount.getDestination() != null && "/var/lib/containerd".equals(mount.getDestination().getPath()))
                    .map(mount -> mount.getName())
                    .filter(Objects::nonNull)
                    .findFirst();
        } catch (NotFoundException gone) {
            return Optional.empty();
        }
    }

    @Override
    public KubeletSettings readKubeletSettings() {
        return new KubeletSettings(KubeletConfigz.readSeccompDefault(client, NODE),
                "configz of node " + NODE + " (GET " + KubeletConfigz.path(NODE) + ")");
    }

    /** As the seed article does it: edit the kubelet's config file, restart it, wait for it. */
    @Override
    public void applyKubeletSettings(KubeletSettings wanted, Progress progress) {
        KubeletReconfiguration.setSeccompDefault(client, kubelet(), wanted.seccompDefault(),
                KUBELET_RESTART_TIMEOUT, progress);
    }

    @Override
    public void installLocalhostProfile(String relativePath, String json) {
        node.write(SeccompDirectory.resolve(Path.of(NODE_SECCOMP_ROOT), relativePath).toString(), json);
    }

    @Override
    protected KubernetesClient client() {
        return client;
    }

    @Override
    protected NodeInspector nodeInspector() {
        return new KindNodeInspector(node);
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
        if (kind != null && !reuse) {
            // After a failed start, Testcontainers has stopped the node already.
            if (kind.isRunning()) {
                stopNode();
            }
            cleanup.close();
        }
    }

    /** The profile root stands for the kubelet's seccomp directory; its files keep their relative paths. */
    private void copyLocalhostProfiles(Progress progress) {
        if (!Files.isDirectory(localhostProfileRoot)) {
            return;
        }
        try (Stream<Path> files = Files.walk(localhostProfileRoot)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String target = NODE_SECCOMP_ROOT + "/" + localhostProfileRoot.relativize(file).toString().replace('\\', '/');
                node.write(target, Files.readAllBytes(file), 0644);
                progress.step("copied Localhost profile to " + target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy Localhost profiles from " + localhostProfileRoot, e);
        }
    }
}
