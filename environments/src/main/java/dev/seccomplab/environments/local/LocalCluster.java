package dev.seccomplab.environments.local;

import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.Poll;
import dev.seccomplab.environments.Progress;
import dev.seccomplab.environments.ProgressTicker;
import dev.seccomplab.environments.binaries.KubernetesBinaries;
import dev.seccomplab.environments.containerd.CriClient;
import dev.seccomplab.environments.containerd.PrivateContainerd;
import dev.seccomplab.environments.containerd.WorkloadImageImport;
import dev.seccomplab.environments.containerd.api.PodSandbox;
import dev.seccomplab.environments.host.HostCgroups;
import dev.seccomplab.environments.host.SupervisedProcess;
import dev.seccomplab.environments.image.WorkloadImageArchive;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.readiness.Readiness;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The local cluster's programs, started as a kubeadm node boots and stopped in reverse: containerd
 * (with the pods' network), etcd, the API server, the controller manager, the scheduler, and the
 * kubelet, each a {@link SupervisedProcess} of the lab process that started them.
 */
final class LocalCluster implements AutoCloseable {

    static final Duration COMPONENT_TIMEOUT = Duration.ofSeconds(60);

    private final LocalLayout layout;
    private final List<SupervisedProcess> programs = new ArrayList<>();
    private PrivateContainerd containerd;

    private LocalCluster(LocalLayout layout) {
        this.layout = layout;
    }

    /**
     * Starts every program in {@code layout}, whose folder the caller made and owns. A failure stops
     * what was started and says which program failed, with the end of its log.
     */
    static LocalCluster start(LocalLayout layout, KubernetesBinaries binaries, LocalPorts ports, Progress progress) {
        LocalCluster cluster = new LocalCluster(layout);
        try {
            cluster.boot(binaries, ports, progress);
            return cluster;
        } catch (RuntimeException e) {
            try {
                cluster.close();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private void boot(KubernetesBinaries binaries, LocalPorts ports, Progress progress) {
        long started = System.nanoTime();
        ports.requireFree();
        HostTraces.otherKubelet(layout).ifPresent(other -> {
            throw new LabEnvironmentException("Another kubelet runs on this host (" + other + "). The local cluster's kubelet "
                    + "would share its device-plugin socket in " + HostTraces.DEVICE_PLUGINS + "; stop that one, or use --env cri.");
        });
        HostTraces.noteMissing(layout);
        if (PodNetwork.removeBridge()) {
            progress.step("removed the bridge " + PodNetwork.BRIDGE + " that a lab run left, whose cluster is gone");
        }
        PodNetwork network = PodNetwork.choose();
        progress.step("pods' network: bridge " + PodNetwork.BRIDGE + ", " + network.subnet() + "/24, node address " + network.nodeAddress());
        network.create(layout);
        HostCgroups.create(LocalLayout.CGROUP_ROOT);
        containerd = PrivateContainerd.start(layout.containerd(), WorkloadImageArchive.NORMALISED_REFERENCE,
                Optional.of(network.plugins(layout)), progress);
        try (CriClient cri = CriClient.connect(containerd.socket())) {
            WorkloadImageImport.ensure(cri, progress);
        }
        progress.step("kubeadm " + binaries.version() + ": certificates, kubeconfigs, the control plane's static Pod manifests "
                + "and the kubelet's configuration, in " + layout.root());
        KubeadmPhases.Commands commands = new KubeadmPhases(binaries.binary("kubeadm"), binaries.binary("kubectl"), layout)
                .run(values(binaries, ports, network), binaries.binary("kubeadm").getParent());

        SupervisedProcess etcd = run("etcd", commands.etcd(), SupervisedProcess.Restart.NEVER);
        await("etcd", etcd, () -> accepts(ports.etcdClient()));
        SupervisedProcess apiServer = run("kube-apiserver", commands.apiServer(), SupervisedProcess.Restart.NEVER);
        try (KubernetesClient superAdmin = client(layout.kubeconfigs().resolve("super-admin.conf"))) {
            await("kube-apiserver", apiServer, () -> "ok".equals(readyz(superAdmin)));
            // As 'kubeadm init' does: admin.conf's group kubeadm:cluster-admins is bound to cluster-admin.
            superAdmin.rbac().clusterRoleBindings().resource(new ClusterRoleBindingBuilder()
                    .withNewMetadata().withName("kubeadm:cluster-admins").endMetadata()
                    .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("ClusterRole").withName("cluster-admin").endRoleRef()
                    .addNewSubject().withApiGroup("rbac.authorization.k8s.io").withKind("Group").withName("kubeadm:cluster-admins").endSubject()
                    .build()).createOr(existing -> existing.update());
        }
        SupervisedProcess controllerManager = run("kube-controller-manager", commands.controllerManager(), SupervisedProcess.Restart.NEVER);
        run("kube-scheduler", commands.scheduler(), SupervisedProcess.Restart.NEVER);
        SupervisedProcess kubelet = run("kubelet", commands.kubelet(), SupervisedProcess.Restart.ALWAYS);
        try (KubernetesClient admin = client(layout.adminKubeconfig());
             ProgressTicker ticker = new ProgressTicker(progress, "waiting for node " + LocalNode.NAME + " to be Ready", 5)) {
            admin.nodes().withName(LocalNode.NAME).waitUntilCondition(node -> node != null && Readiness.isNodeReady(node),
                    COMPONENT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (KubernetesClientException e) {
            throw failed("kubelet", kubelet, "node " + LocalNode.NAME + " did not become Ready within " + COMPONENT_TIMEOUT.toSeconds()
                    + " s (" + e.getMessage() + ")");
        }
        progress.step("node " + LocalNode.NAME + " is Ready " + Duration.ofNanos(System.nanoTime() - started).toMillis()
                + " ms after the start of the cluster");
        // A namespace's pods need its default ServiceAccount and the kube-root-ca.crt ConfigMap, both made by the
        // controller manager: once they are there in 'default', a new namespace gets them at once.
        try (KubernetesClient admin = client(layout.adminKubeconfig())) {
            admin.serviceAccounts().inNamespace("default").withName("default")
                    .waitUntilCondition(java.util.Objects::nonNull, COMPONENT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            admin.configMaps().inNamespace("default").withName("kube-root-ca.crt")
                    .waitUntilCondition(java.util.Objects::nonNull, COMPONENT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (KubernetesClientException e) {
            throw failed("kube-controller-manager", controllerManager, "it made no default ServiceAccount within "
                    + COMPONENT_TIMEOUT.toSeconds() + " s (" + e.getMessage() + ")");
        }
        progress.step("the controllers serve " + Duration.ofNanos(System.nanoTime() - started).toMillis()
                + " ms after the start of the cluster: the cluster is ready");
    }

    KubernetesClient adminClient() {
        return client(layout.adminKubeconfig());
    }

    Path containerdSocket() {
        return containerd.socket();
    }

    /** Waits until one of the cluster's programs ends without being asked to; returns its name. */
    String awaitAnyExit() {
        return Poll.until(Duration.ofDays(365), Duration.ofSeconds(1),
                () -> programs.stream().filter(program -> !program.isRunning()).map(SupervisedProcess::name).findFirst(),
                () -> new LabEnvironmentException("the cluster ran for a year"));
    }

    /** Stops the programs, the kubelet first; removes the pods, containerd, and everything below the folder. */
    @Override
    public void close() {
        for (int i = programs.size() - 1; i >= 0; i--) {
            programs.get(i).close();
        }
        programs.clear();
        if (containerd != null) {
            try (CriClient cri = CriClient.connect(containerd.socket())) {
                for (PodSandbox sandbox : cri.listPodSandboxes(Map.of())) {
                    cri.stopPodSandbox(sandbox.getId());
                    cri.removePodSandbox(sandbox.getId());
                }
            } catch (LabEnvironmentException alreadyGone) {
                // containerd is down: the cgroup sweep below stops what its shims still run.
            }
            containerd.close();
            containerd = null;
        }
        LocalLeftovers.removeRemains(layout);
    }

    private SupervisedProcess run(String name, List<String> command, SupervisedProcess.Restart restart) {
        SupervisedProcess program = SupervisedProcess.start(name, command, layout.log(name), layout.pidFile(name), restart);
        programs.add(program);
        return program;
    }

    private void await(String name, SupervisedProcess program, java.util.function.BooleanSupplier up) {
        Poll.until(COMPONENT_TIMEOUT, Duration.ofMillis(100), () -> {
            if (!program.isRunning()) {
                throw failed(name, program, "it exited while starting");
            }
            return up.getAsBoolean() ? Optional.of(true) : Optional.empty();
        }, () -> failed(name, program, "it did not answer within " + COMPONENT_TIMEOUT.toSeconds() + " s"));
    }

    private static LabEnvironmentException failed(String name, SupervisedProcess program, String what) {
        return new LabEnvironmentException("The local cluster did not start: " + name + ": " + what + ". The end of its log ("
                + program.log() + "):\n" + SupervisedProcess.tail(program.log(), 10));
    }

    private Map<String, String> values(KubernetesBinaries binaries, LocalPorts ports, PodNetwork network) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("root", layout.root().toAbsolutePath().toString());
        values.put("nodeName", LocalNode.NAME);
        values.put("nodeIP", network.nodeAddress());
        values.put("kubernetesVersion", binaries.version());
        values.put("containerdSocket", containerd.socket().toAbsolutePath().toString());
        values.put("cgroupRoot", LocalLayout.CGROUP_ROOT);
        values.put("apiServerPort", Integer.toString(ports.apiServer()));
        values.put("etcdClientPort", Integer.toString(ports.etcdClient()));
        values.put("etcdPeerPort", Integer.toString(ports.etcdPeer()));
        values.put("etcdMetricsPort", Integer.toString(ports.etcdMetrics()));
        values.put("controllerManagerPort", Integer.toString(ports.controllerManager()));
        values.put("schedulerPort", Integer.toString(ports.scheduler()));
        values.put("kubeletPort", Integer.toString(ports.kubelet()));
        values.put("kubeletHealthzPort", Integer.toString(ports.kubeletHealthz()));
        return values;
    }

    static KubernetesClient client(Path kubeconfig) {
        try {
            return new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(null, Files.readString(kubeconfig), kubeconfig.toString()))
                    .build();
        } catch (IOException e) {
            throw new LabEnvironmentException("Cannot read the local cluster's kubeconfig " + kubeconfig + ": " + e, e);
        }
    }

    private static String readyz(KubernetesClient client) {
        try {
            return client.raw("/readyz");
        } catch (KubernetesClientException notYet) {
            return null;
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }
}
