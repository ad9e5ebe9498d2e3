package dev.seccomplab.environments.containerd;

import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.containerd.api.ContainerConfig;
import dev.seccomplab.environments.containerd.api.ContainerStatusRequest;
import dev.seccomplab.environments.containerd.api.ContainerStatusResponse;
import dev.seccomplab.environments.containerd.api.CreateContainerRequest;
import dev.seccomplab.environments.containerd.api.ExecSyncRequest;
import dev.seccomplab.environments.containerd.api.ExecSyncResponse;
import dev.seccomplab.environments.containerd.api.ImageSpec;
import dev.seccomplab.environments.containerd.api.ImageStatusRequest;
import dev.seccomplab.environments.containerd.api.ImageStatusResponse;
import dev.seccomplab.environments.containerd.api.ListPodSandboxRequest;
import dev.seccomplab.environments.containerd.api.PodSandbox;
import dev.seccomplab.environments.containerd.api.PodSandboxConfig;
import dev.seccomplab.environments.containerd.api.PodSandboxFilter;
import dev.seccomplab.environments.containerd.api.PullImageRequest;
import dev.seccomplab.environments.containerd.api.RemovePodSandboxRequest;
import dev.seccomplab.environments.containerd.api.RunPodSandboxRequest;
import dev.seccomplab.environments.containerd.api.StartContainerRequest;
import dev.seccomplab.environments.containerd.api.StopPodSandboxRequest;
import dev.seccomplab.environments.containerd.api.VersionRequest;
import dev.seccomplab.environments.containerd.api.VersionResponse;
import io.grpc.CallOptions;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A CRI v1 client on a Unix socket: the calls a kubelet makes to its container runtime, and
 * nothing more. Every call has a deadline, and a failure names the call, the socket and the
 * runtime's own words.
 */
public final class CriClient implements AutoCloseable {

    /** The kubelet's own default for CRI calls ({@code --runtime-request-timeout}). */
    static final Duration CALL_TIMEOUT = Duration.ofMinutes(2);
    /** The API version the kubelet announces in Version. */
    static final String API_VERSION = "v1";

    private final Path socket;
    private final ManagedChannel channel;

    private CriClient(Path socket, ManagedChannel channel) {
        this.socket = socket;
        this.channel = channel;
    }

    public static CriClient connect(Path socket) {
        ManagedChannel channel = Grpc.newChannelBuilder("unix://" + socket.toAbsolutePath(), InsecureChannelCredentials.create())
                // The runtime spec in a verbose ContainerStatus is larger than gRPC's 4 MiB default allows on some nodes.
                .maxInboundMessageSize(16 * 1024 * 1024)
                .build();
        return new CriClient(socket, channel);
    }

    public Path socket() {
        return socket;
    }

    public VersionResponse version() {
        return call(CriMethods.VERSION, VersionRequest.newBuilder().setVersion(API_VERSION).build(), Duration.ofSeconds(10));
    }

    public String runPodSandbox(PodSandboxConfig config) {
        return call(CriMethods.RUN_POD_SANDBOX, RunPodSandboxRequest.newBuilder().setConfig(config).build(), CALL_TIMEOUT)
                .getPodSandboxId();
    }

    public void stopPodSandbox(String sandboxId) {
        call(CriMethods.STOP_POD_SANDBOX, StopPodSandboxRequest.newBuilder().setPodSandboxId(sandboxId).build(), CALL_TIMEOUT);
    }

    public void removePodSandbox(String sandboxId) {
        call(CriMethods.REMOVE_POD_SANDBOX, RemovePodSandboxRequest.newBuilder().setPodSandboxId(sandboxId).build(),
                CALL_TIMEOUT);
    }

    /** Sandboxes whose labels include all of {@code labels}. */
    public List<PodSandbox> listPodSandboxes(Map<String, String> labels) {
        ListPodSandboxRequest request = ListPodSandboxRequest.newBuilder()
                .setFilter(PodSandboxFilter.newBuilder().putAllLabelSelector(labels))
                .build();
        return call(CriMethods.LIST_POD_SANDBOX, request, CALL_TIMEOUT).getItemsList();
    }

    public String createContainer(String sandboxId, ContainerConfig config, PodSandboxConfig sandboxConfig) {
        CreateContainerRequest request = CreateContainerRequest.newBuilder()
                .setPodSandboxId(sandboxId).setConfig(config).setSandboxConfig(sandboxConfig).build();
        return call(CriMethods.CREATE_CONTAINER, request, CALL_TIMEOUT).getContainerId();
    }

    public void startContainer(String containerId) {
        call(CriMethods.START_CONTAINER, StartContainerRequest.newBuilder().setContainerId(containerId).build(), CALL_TIMEOUT);
    }

    public ContainerStatusResponse containerStatus(String containerId, boolean verbose) {
        ContainerStatusRequest request = ContainerStatusRequest.newBuilder().setContainerId(containerId).setVerbose(verbose).build();
        return call(CriMethods.CONTAINER_STATUS, request, CALL_TIMEOUT);
    }

    /**
     * containerd's own account of a container, which {@code crictl inspect} prints as {@code .info}:
     * the OCI runtime spec it handed to runc, and the pid of the container's main process.
     */
    public CriContainerInfo containerInfo(String containerId) {
        String infoJson = containerStatus(containerId, true).getInfoOrDefault("info", null);
        if (infoJson == null) {
            throw new LabEnvironmentException("The runtime on " + socket + " gave no verbose info for container " + containerId
                    + "; the lab reads the runtime spec from containerd's info.");
        }
        return CriContainerInfo.parse(infoJson, "CRI ContainerStatus(verbose) of " + containerId.substring(0, Math.min(13, containerId.length()))
                + " (what 'crictl inspect' prints)");
    }

    /** Runs a command in a container and waits for it, as {@code crictl exec -s} does. */
    public ExecSyncResponse execSync(String containerId, List<String> command, Duration timeout) {
        ExecSyncRequest request = ExecSyncRequest.newBuilder()
                .setContainerId(containerId).addAllCmd(command).setTimeout(timeout.toSeconds()).build();
        return call(CriMethods.EXEC_SYNC, request, timeout.plusSeconds(10));
    }

    /** The runtime's record of an image, or empty when it does not have it. */
    public Optional<dev.seccomplab.environments.containerd.api.Image> imageStatus(String image) {
        ImageStatusResponse response = call(CriMethods.IMAGE_STATUS,
                ImageStatusRequest.newBuilder().setImage(ImageSpec.newBuilder().setImage(image)).build(), CALL_TIMEOUT);
        return response.hasImage() ? Optional.of(response.getImage()) : Optional.empty();
    }

    public String pullImage(String image) {
        return call(CriMethods.PULL_IMAGE, PullImageRequest.newBuilder().setImage(ImageSpec.newBuilder().setImage(image)).build(),
                CALL_TIMEOUT).getImageRef();
    }

    @Override
    public void close() {
        channel.shutdownNow();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private <Q, R> R call(MethodDescriptor<Q, R> method, Q request, Duration timeout) {
        try {
            return ClientCalls.blockingUnaryCall(channel, method,
                    CallOptions.DEFAULT.withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS), request);
        } catch (StatusRuntimeException e) {
            throw new CriCallException(method.getBareMethodName(), socket, e.getStatus(), e);
        }
    }

    /** A failed CRI call. {@link #code()} tells a missing object from a refused request. */
    public static final class CriCallException extends LabEnvironmentException {

        private final Status.Code code;

        CriCallException(String method, Path socket, Status status, Throwable cause) {
            super(describe(method, socket, status), cause);
            this.code = status.getCode();
        }

        public Status.Code code() {
            return code;
        }

        private static String describe(String method, Path socket, Status status) {
            String said = status.getDescription() == null ? status.getCode().name() : status.getDescription();
            return switch (status.getCode()) {
                case UNAVAILABLE -> "No CRI runtime answers on " + socket + " (" + said + "). Is containerd running there?";
                case UNIMPLEMENTED -> "The endpoint " + socket + " does not serve CRI v1 " + method + " (" + said
                        + "): it is not a CRI runtime, or containerd's cri plugin is disabled there. Docker's own containerd "
                        + "disables it (disabled_plugins = [\"cri\"]); leave out --cri-socket and the lab starts a containerd "
                        + "of its own with the plugin on.";
                case DEADLINE_EXCEEDED -> "CRI " + method + " on " + socket + " did not answer in time (" + said + ")";
                default -> "CRI " + method + " on " + socket + " failed: " + said;
            };
        }
    }
}
