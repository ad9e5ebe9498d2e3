package dev.seccomplab.environments.kubernetes;

import dev.seccomplab.environments.ExecResult;
import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.MainProcessStatus;
import dev.seccomplab.environments.NotApplicableException;
import dev.seccomplab.environments.PodHandle;
import dev.seccomplab.environments.PodsRefusedException;
import dev.seccomplab.environments.RuntimeSeccompSpec;
import dev.seccomplab.environments.Workload;
import dev.seccomplab.environments.Workspace;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A scenario's own labelled namespace on a real API server, which closing deletes; or a namespace
 * that is somebody else's (a trainee's, who applied with kubectl), attached to and left alone.
 */
public final class KubernetesWorkspace implements Workspace {

    /** Server-side apply's field manager: the owner of the fields the lab sets. */
    static final String FIELD_MANAGER = "seccomp-lab";
    static final Duration EXEC_TIMEOUT = Duration.ofSeconds(60);
    static final Duration ROLLOUT_TIMEOUT = Duration.ofMinutes(2);

    private final KubernetesClient client;
    private final String name;
    private final String namespace;
    private final NodeInspector node;
    private final PrivilegedGuard guard;
    private final boolean ownsTheNamespace;

    private KubernetesWorkspace(KubernetesClient client, String name, String namespace, NodeInspector node,
                                PrivilegedGuard guard, boolean ownsTheNamespace) {
        this.client = client;
        this.name = name;
        this.namespace = namespace;
        this.node = node;
        this.guard = guard;
        this.ownsTheNamespace = ownsTheNamespace;
    }

    public static KubernetesWorkspace open(KubernetesClient client, String name, NodeInspector node, PrivilegedGuard guard) {
        return open(client, name, Map.of(), node, guard);
    }

    /** @param namespaceLabels more labels of the namespace, such as a Pod Security Standard to enforce */
    public static KubernetesWorkspace open(KubernetesClient client, String name, Map<String, String> namespaceLabels, NodeInspector node,
                                           PrivilegedGuard guard) {
        String namespace = LabNamespaces.create(client, name, namespaceLabels).getMetadata().getName();
        return new KubernetesWorkspace(client, name, namespace, node, guard, true);
    }

    /** A namespace that exists already, whose workloads are found by name; closing it leaves the namespace. */
    public static KubernetesWorkspace attach(KubernetesClient client, String namespace, NodeInspector node, PrivilegedGuard guard) {
        if (client.namespaces().withName(namespace).get() == null) {
            throw new LabEnvironmentException("There is no namespace " + namespace + " (kubectl get namespaces lists them)");
        }
        return new KubernetesWorkspace(client, namespace, namespace, node, guard, false);
    }

    @Override
    public String name() {
        return name;
    }

    public String namespace() {
        return namespace;
    }

    /**
     * Server-side apply, as {@code kubectl apply --server-side --force-conflicts} does. A Pod the API
     * server refuses is refused here, with the API server's message.
     */
    @Override
    public PodHandle start(Workload workload, Duration timeout) {
        return awaitPod(apply(workload), timeout);
    }

    /** Waits for a workload of an attached namespace, as the API server has it now. */
    @Override
    public PodHandle awaitRunning(String workloadName, Duration timeout) {
        return awaitPod(live(workloadName), timeout);
    }

    /** Applies the workload in this namespace and returns it as applied; its pod may not be running yet. */
    Workload apply(Workload workload) {
        guard.check(workload, namespace);
        Workload inNamespace = workload.inNamespace(namespace);
        try {
            client.resource(inNamespace.object()).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 403 && workload.object() instanceof Pod) {
                throw new PodsRefusedException(workload.toString(), apiMessage(e));
            }
            throw new LabEnvironmentException("The API server refused " + workload + " in namespace " + namespace + ": "
                    + apiMessage(e), e);
        }
        return inNamespace;
    }

    /**
     * Waits, with fabric8's informers, until the workload's pod runs, or one of its pods is stuck, or
     * (for a Deployment) its ReplicaSet reports that the API server refuses to create the pods.
     */
    PodHandle awaitPod(Workload workload, Duration timeout) {
        var pods = workload.object() instanceof Deployment deployment
                ? client.pods().inNamespace(namespace).withLabels(deployment.getSpec().getSelector().getMatchLabels())
                : client.pods().inNamespace(namespace).withField("metadata.name", workload.name());
        CompletableFuture<List<Pod>> settled = pods.informOnCondition(list -> list.stream()
                .anyMatch(pod -> PodStates.isRunning(pod) || PodStates.stuckReason(pod).isPresent()));
        CompletableFuture<List<ReplicaSet>> refused = workload.object() instanceof Deployment
                ? client.apps().replicaSets().inNamespace(namespace).informOnCondition(list -> list.stream().anyMatch(rs -> refusal(rs).isPresent()))
                : new CompletableFuture<>();
        try {
            return settled.<Supplier<PodHandle>>thenApply(list -> () -> runningOrStuck(list))
                    .applyToEither(refused.thenApply(list -> () -> {
                        throw new PodsRefusedException(workload.toString(), list.stream().map(KubernetesWorkspace::refusal)
                                .flatMap(Optional::stream).findFirst().orElseThrow());
                    }), Function.identity())
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .get();
        } catch (TimeoutException e) {
            throw new LabEnvironmentException("The pod of " + workload + " in namespace " + namespace + " did not run within "
                    + timeout.toSeconds() + " s: " + PodStates.summary(pods.list().getItems())
                    + ". Look with: kubectl -n " + namespace + " get pods,events");
        } catch (ExecutionException e) {
            throw new LabEnvironmentException("Watching the pods of " + workload + " in namespace " + namespace + " failed: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabEnvironmentException("Interrupted while waiting for a pod", e);
        } finally {
            settled.cancel(true);
            refused.cancel(true);
        }
    }

    /** The running pod of the list, or the error of one that cannot start. */
    private PodHandle runningOrStuck(List<Pod> pods) {
        Optional<Pod> running = pods.stream().filter(PodStates::isRunning).findFirst();
        if (running.isPresent()) {
            Pod pod = running.get();
            return new PodHandle(name, pod.getMetadata().getName(), pod.getSpec().getContainers().stream().map(Container::getName).toList());
        }
        Pod stuck = pods.stream().filter(pod -> PodStates.stuckReason(pod).isPresent()).findFirst().orElseThrow();
        throw new LabEnvironmentException("Pod " + stuck.getMetadata().getName() + " in namespace " + namespace + " cannot start: "
                + PodStates.stuckReason(stuck).orElseThrow() + ". Look with: kubectl -n " + namespace + " describe pod "
                + stuck.getMetadata().getName());
    }

    /**
     * The Deployment, else the Pod, of that name in an attached namespace, as the API server has it
     * now. A Deployment is waited for until its rollout is complete, so that its pod is one of the
     * spec the trainee applied last, not one of the old ReplicaSet's.
     */
    private Workload live(String workloadName) {
        var deployments = client.apps().deployments().inNamespace(namespace).withName(workloadName);
        if (deployments.get() != null) {
            try {
                return new Workload(deployments.waitUntilCondition(KubernetesWorkspace::rolledOut, ROLLOUT_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
            } catch (KubernetesClientException e) {
                throw new LabEnvironmentException("Deployment " + workloadName + " in namespace " + namespace + " has not rolled out within "
                        + ROLLOUT_TIMEOUT.toSeconds() + " s: kubectl -n " + namespace + " rollout status deployment/" + workloadName, e);
            }
        }
        Pod pod = client.pods().inNamespace(namespace).withName(workloadName).get();
        if (pod != null) {
            return new Workload(pod);
        }
        throw new LabEnvironmentException("There is no Deployment or Pod named " + workloadName + " in namespace " + namespace
                + ". Apply yours first: kubectl apply -n " + namespace + " -f FILE");
    }

    /** What {@code kubectl rollout status} waits for: the latest spec observed, and all its replicas updated and the only ones. */
    static boolean rolledOut(Deployment deployment) {
        var status = deployment.getStatus();
        Integer wanted = deployment.getSpec().getReplicas();
        return status != null && wanted != null && status.getObservedGeneration() != null
                && status.getObservedGeneration() >= deployment.getMetadata().getGeneration()
                && wanted.equals(status.getUpdatedReplicas()) && wanted.equals(status.getReplicas())
                && wanted.equals(status.getAvailableReplicas());
    }

    /** A ReplicaSet's {@code ReplicaFailure} condition: the API server's reason for refusing its pods. */
    static Optional<String> refusal(ReplicaSet replicaSet) {
        return Optional.ofNullable(replicaSet.getStatus()).map(status -> status.getConditions()).orElse(List.of()).stream()
                .filter(c -> "ReplicaFailure".equals(c.getType()) && "True".equals(c.getStatus()) && "FailedCreate".equals(c.getReason()))
                .map(c -> c.getMessage())
                .findFirst();
    }

    private static String apiMessage(KubernetesClientException e) {
        return e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : e.getMessage();
    }

    @Override
    public ExecResult exec(PodHandle pod, String container, String... command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (ExecWatch watch = client.pods().inNamespace(namespace).withName(pod.name()).inContainer(container)
                .writingOutput(out).writingError(err).exec(command)) {
            Integer exitCode = watch.exitCode().get(EXEC_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (exitCode == null) {
                // fabric8 completes with null when the connection closes without the API server's status frame.
                throw new LabEnvironmentException("exec " + String.join(" ", command) + " in pod " + pod.name() + " (namespace "
                        + namespace + ") ended without an exit status: the connection closed early. Output so far: "
                        + out.toString(StandardCharsets.UTF_8).strip() + err.toString(StandardCharsets.UTF_8).strip());
            }
            return new ExecResult(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } catch (ExecutionException | TimeoutException | KubernetesClientException e) {
            throw new LabEnvironmentException("exec " + String.join(" ", command) + " in pod " + pod.name() + " (namespace "
                    + namespace + ") failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabEnvironmentException("exec in pod " + pod.name() + " was interrupted", e);
        }
    }

    @Override
    public RuntimeSeccompSpec runtimeSeccomp(PodHandle pod, String container) {
        Pod live = live(pod);
        return node.runtimeSeccomp(live.getSpec().getNodeName(), containerId(live, container));
    }

    /**
     * Read on the node where the lab has a shell there. Without one, a container in a PID
     * namespace of its own still shows its main process as PID 1, which kubectl exec can read.
     */
    @Override
    public MainProcessStatus mainProcessStatus(PodHandle pod, String container) {
        Pod live = live(pod);
        try {
            return node.mainProcessStatus(live.getSpec().getNodeName(), containerId(live, container));
        } catch (NotApplicableException noNodeShell) {
            if (Boolean.TRUE.equals(live.getSpec().getShareProcessNamespace())) {
                throw noNodeShell;
            }
            ExecResult status = exec(pod, container, "cat", "/proc/1/status");
            if (!status.succeeded()) {
                throw new LabEnvironmentException("cat /proc/1/status in pod " + pod.name() + " failed: " + status.transcript());
            }
            return new MainProcessStatus(status.stdout(), "kubectl exec " + pod.name() + " -- cat /proc/1/status (the pod "
                    + "does not share its PID namespace, so PID 1 there is the container's main process)", Optional.empty());
        }
    }

    private Pod live(PodHandle pod) {
        Pod live = client.pods().inNamespace(namespace).withName(pod.name()).get();
        if (live == null) {
            throw new LabEnvironmentException("Pod " + pod.name() + " is gone from namespace " + namespace);
        }
        return live;
    }

    private static String containerId(Pod live, String container) {
        return live.getStatus().getContainerStatuses().stream()
                .filter(s -> s.getName().equals(container))
                .map(ContainerStatus::getContainerID)
                .findFirst()
                .orElseThrow(() -> new LabEnvironmentException("Pod " + live.getMetadata().getName()
                        + " has no status for container " + container))
                .replaceFirst("^[a-z]+://", "");
    }

    @Override
    public void close() {
        if (ownsTheNamespace) {
            LabNamespaces.delete(client, namespace);
        }
    }
}
