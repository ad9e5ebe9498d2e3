package dev.seccomplab.environments.cri;

import dev.seccomplab.environments.ExecResult;
import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.LabLabels;
import dev.seccomplab.environments.MainProcessStatus;
import dev.seccomplab.environments.PodHandle;
import dev.seccomplab.environments.RuntimeSeccompSpec;
import dev.seccomplab.environments.Workspace;
import dev.seccomplab.environments.containerd.CriClient;
import dev.seccomplab.environments.containerd.CriContainerInfo;
import dev.seccomplab.environments.cri.KubeletCriRequests.PodIdentity;
import dev.seccomplab.environments.containerd.api.ContainerState;
import dev.seccomplab.environments.containerd.api.ContainerStatus;
import dev.seccomplab.environments.containerd.api.ExecSyncResponse;
import dev.seccomplab.environments.containerd.api.PodSandboxConfig;
import dev.seccomplab.environments.kubelet.LabKubelet;
import dev.seccomplab.environments.rules.ChosenProfile;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import dev.seccomplab.environments.Workload;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One scenario's pods on a CRI runtime, as a kubelet would run them: a sandbox per pod, then each
 * container created and started in it. The namespace is a name only, as there is no API server.
 */
final class CriWorkspace implements Workspace {

    /** How long an exec may run, as {@code kubectl exec} in the Kubernetes environments. */
    static final Duration EXEC_TIMEOUT = Duration.ofSeconds(60);

    private final String name;
    private final String namespace;
    private final CriClient cri;
    private final CriImages images;
    private final LabKubelet kubelet;
    /** Pod name → sandbox id, and pod name + "/" + container name → container id. */
    private final Map<String, String> sandboxes = new ConcurrentHashMap<>();
    private final Map<String, String> containers = new ConcurrentHashMap<>();

    CriWorkspace(String name, CriClient cri, CriImages images, LabKubelet kubelet) {
        this.name = name;
        this.namespace = "seccomp-lab-" + name;
        this.cri = cri;
        this.images = images;
        this.kubelet = kubelet;
    }

    @Override
    public String name() {
        return name;
    }

    /** Starts the Deployment's pod. A container's start is synchronous in the CRI, so no polling is needed. */
    @Override
    public PodHandle start(Workload workload, Duration timeout) {
        PodSpec spec = workload.podSpec();
        String podName = workload.podName();
        PodIdentity pod = new PodIdentity(podName, namespace, UUID.randomUUID().toString());
        Map<String, String> labLabels = new HashMap<>(LabLabels.forThisProcess());
        labLabels.put(LabLabels.WORKSPACE, name);
        labLabels.put(LabLabels.POD, pod.name());
        PodSandboxConfig sandboxConfig = KubeletCriRequests.sandbox(pod, spec, workload.podLabels(), labLabels);
        String sandboxId = step(pod, "RunPodSandbox", () -> cri.runPodSandbox(sandboxConfig));
        sandboxes.put(pod.name(), sandboxId);

        List<String> names = new ArrayList<>();
        Map<String, String> requests = new LinkedHashMap<>();
        for (Container container : spec.getContainers()) {
            ChosenProfile profile = kubelet.choose(spec, container);
            String imageRef = images.imageRefFor(container, pod.name());
            var config = KubeletCriRequests.container(pod, spec, container, profile, kubelet::localhostProfilePath, imageRef);
            String containerId = step(pod, "CreateContainer " + container.getName(),
                    () -> cri.createContainer(sandboxId, config, sandboxConfig));
            containers.put(pod.name() + "/" + container.getName(), containerId);
            step(pod, "StartContainer " + container.getName(), () -> {
                cri.startContainer(containerId);
                return containerId;
            });
            names.add(container.getName());
            requests.put(container.getName(), kubelet.describeRequest(profile, container));
        }
        return new PodHandle(name, pod.name(), names, requests);
    }

    @Override
    public ExecResult exec(PodHandle pod, String container, String... command) {
        String id = containerId(pod, container);
        ExecSyncResponse response;
        try {
            response = cri.execSync(id, List.of(command), EXEC_TIMEOUT);
        } catch (LabEnvironmentException e) {
            throw new LabEnvironmentException("exec " + String.join(" ", command) + " in pod " + pod.name() + " failed: "
                    + e.getMessage() + describeIfNotRunning(id, container), e);
        }
        return new ExecResult(response.getExitCode(), response.getStdout().toString(StandardCharsets.UTF_8),
                response.getStderr().toString(StandardCharsets.UTF_8));
    }

    @Override
    public RuntimeSeccompSpec runtimeSeccomp(PodHandle pod, String container) {
        return info(pod, container).runtimeSeccomp();
    }

    /** As an administrator on the node: the PID from the runtime, then /proc/PID/status. */
    @Override
    public MainProcessStatus mainProcessStatus(PodHandle pod, String container) {
        try {
            return info(pod, container).mainProcessStatus("the node");
        } catch (LabEnvironmentException e) {
            throw new LabEnvironmentException("Container " + container + " in pod " + pod.name() + ": " + e.getMessage()
                    + describeIfNotRunning(containerId(pod, container), container), e);
        }
    }

    /** Stops and removes this workspace's sandboxes, and with them their containers. */
    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        sandboxes.forEach((pod, id) -> {
            try {
                cri.stopPodSandbox(id);
                cri.removePodSandbox(id);
            } catch (RuntimeException e) {
                failures.add(e);
            }
        });
        sandboxes.clear();
        containers.clear();
        if (!failures.isEmpty()) {
            throw new LabEnvironmentException("Could not remove every pod of workspace " + name + ": "
                    + failures.get(0).getMessage() + ". The next lab run removes what is left.");
        }
    }

    private CriContainerInfo info(PodHandle pod, String container) {
        return cri.containerInfo(containerId(pod, container));
    }

    private String containerId(PodHandle pod, String container) {
        return Optional.ofNullable(containers.get(pod.name() + "/" + container))
                .orElseThrow(() -> new LabEnvironmentException("No container " + container + " in pod " + pod.name()
                        + " of workspace " + name));
    }

    /** Why a container cannot be used, in the words of {@code kubectl describe}, or nothing when it runs. */
    private String describeIfNotRunning(String containerId, String container) {
        try {
            ContainerStatus status = cri.containerStatus(containerId, false).getStatus();
            if (status.getState() == ContainerState.CONTAINER_RUNNING) {
                return "";
            }
            return ". Container " + container + " is " + status.getState().name().replace("CONTAINER_", "").toLowerCase()
                    + " (exit code " + status.getExitCode() + (status.getReason().isEmpty() ? "" : ", reason " + status.getReason())
                    + (status.getMessage().isEmpty() ? "" : ": " + status.getMessage()) + ")";
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static <T> T step(PodIdentity pod, String call, java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (LabEnvironmentException e) {
            throw new LabEnvironmentException("Pod " + pod.name() + " did not start: " + call + ": " + e.getMessage(), e);
        }
    }
}
