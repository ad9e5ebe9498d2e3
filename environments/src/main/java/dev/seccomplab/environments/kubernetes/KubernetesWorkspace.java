package dev.seccomplab.environments.kubernetes;

import dev.seccomplab.environments.AppliedWorkloads;
import dev.seccomplab.environments.ExecResult;
import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.MainProcessStatus;
import dev.seccomplab.environments.NotApplicableException;
import dev.seccomplab.environments.PodHandle;
import dev.seccomplab.environments.RuntimeSeccompSpec;
import dev.seccomplab.environments.Workload;
import dev.seccomplab.environments.Workspace;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/** A scenario's own labelled namespace on a real API server; closing it deletes the namespace. */
public final class KubernetesWorkspace implements Workspace {

    /** Server-side apply's field manager: the owner of the fields the lab sets. */
    static final String FIELD_MANAGER = "seccomp-lab";
    static final Duration EXEC_TIMEOUT = Duration.ofSeconds(60);
    private static final long POLL_MILLIS = 500;

    private final KubernetesClient client;
    private final String name;
    private final String namespace;
    private final NodeInspector node;
    private final PrivilegedGuard guard;
    private final AppliedWorkloads applied;

    private KubernetesWorkspace(KubernetesClient client, String name, String namespace, NodeInspector node,
                                PrivilegedGuard guard) {
        this.client = client;
        this.name = name;
        this.namespace = namespace;
        this.node = node;
        this.guard = guard;
        this.applied = new AppliedWorkloads("namespace " + namespace);
    }

    public static KubernetesWorkspace open(KubernetesClient client, String name, NodeInspector node, PrivilegedGuard guard) {
        String namespace = LabNamespaces.create(client, name).getMetadata().getName();
        return new KubernetesWorkspace(client, name, namespace, node, guard);
    }

    @Override
    public String name() {
        return name;
    }

    public String namespace() {
        return namespace;
    }

    /** Server-side apply, as {@code kubectl apply --server-side --force-conflicts} does. */
    @Override
    public void apply(Workload workload) {
        guard.check(workload, namespace);
        Workload inNamespace = workload.inNamespace(namespace);
        try {
            client.resource(inNamespace.object()).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
        } catch (KubernetesClientException e) {
            throw new LabEnvironmentException("Applying " + workload + " in namespace " + namespace + " failed: "
                    + e.getMessage(), e);
        }
        applied.put(inNamespace);
    }

    @Override
    public PodHandle waitUntilRunning(String workloadName, Duration timeout) {
        Workload workload = applied.get(workloadName);
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Pod> pods = List.of();
        while (System.nanoTime() < deadline) {
            pods = podsOf(workload);
            for (Pod pod : pods) {
                if (PodStates.isRunning(pod)) {
                    List<String> containers = pod.getSpec().getContainers().stream().map(Container::getName).toList();
                    return new PodHandle(name, pod.getMetadata().getName(), containers);
                }
                Optional<String> stuck = PodStates.stuckReason(pod);
                if (stuck.isPresent()) {
                    throw new LabEnvironmentException("Pod " + pod.getMetadata().getName() + " in namespace " + namespace
                            + " cannot start: " + stuck.get() + ". Look with: kubectl -n " + namespace + " describe pod "
                            + pod.getMetadata().getName());
                }
            }
            sleep();
        }
        throw new LabEnvironmentException("The pod of " + workload + " in namespace " + namespace
                + " did not run within " + timeout.toSeconds() + " s: " + PodStates.summary(pods)
                + ". Look with: kubectl -n " + namespace + " get pods,events");
    }

    private List<Pod> podsOf(Workload workload) {
        if (workload.object() instanceof Deployment deployment) {
            return client.pods().inNamespace(namespace).withLabels(deployment.getSpec().getSelector().getMatchLabels())
                    .list().getItems();
        }
        return Stream.ofNullable(client.pods().inNamespace(namespace).withName(workload.name()).get()).toList();
    }

    @Override
    public ExecResult exec(PodHandle pod, String container, String... command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (ExecWatch watch = client.pods().inNamespace(namespace).withName(pod.name()).inContainer(container)
                .writingOutput(out).writingError(err).exec(command)) {
            int exitCode = watch.exitCode().get(EXEC_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
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
                    + "does not share its PID namespace, so PID 1 there is the container's main process)");
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
        LabNamespaces.delete(client, namespace);
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabEnvironmentException("Interrupted while waiting for a pod", e);
        }
    }
}
