package dev.seccomplab.environments.containerd;

import com.google.protobuf.Message;
import dev.seccomplab.environments.containerd.api.ContainerStatusRequest;
import dev.seccomplab.environments.containerd.api.ContainerStatusResponse;
import dev.seccomplab.environments.containerd.api.CreateContainerRequest;
import dev.seccomplab.environments.containerd.api.CreateContainerResponse;
import dev.seccomplab.environments.containerd.api.ExecSyncRequest;
import dev.seccomplab.environments.containerd.api.ExecSyncResponse;
import dev.seccomplab.environments.containerd.api.ImageStatusRequest;
import dev.seccomplab.environments.containerd.api.ImageStatusResponse;
import dev.seccomplab.environments.containerd.api.ListPodSandboxRequest;
import dev.seccomplab.environments.containerd.api.ListPodSandboxResponse;
import dev.seccomplab.environments.containerd.api.PullImageRequest;
import dev.seccomplab.environments.containerd.api.PullImageResponse;
import dev.seccomplab.environments.containerd.api.RemovePodSandboxRequest;
import dev.seccomplab.environments.containerd.api.RemovePodSandboxResponse;
import dev.seccomplab.environments.containerd.api.RunPodSandboxRequest;
import dev.seccomplab.environments.containerd.api.RunPodSandboxResponse;
import dev.seccomplab.environments.containerd.api.StartContainerRequest;
import dev.seccomplab.environments.containerd.api.StartContainerResponse;
import dev.seccomplab.environments.containerd.api.StopPodSandboxRequest;
import dev.seccomplab.environments.containerd.api.StopPodSandboxResponse;
import dev.seccomplab.environments.containerd.api.VersionRequest;
import dev.seccomplab.environments.containerd.api.VersionResponse;
import io.grpc.MethodDescriptor;
import io.grpc.protobuf.ProtoUtils;

/**
 * The gRPC methods of CRI v1 that the lab calls. protoc generates the messages; these
 * descriptors take the place of the stubs that protoc-gen-grpc-java would generate, which is not
 * served for every platform. {@code CriMethodsTest} checks each one against the services
 * declared in the .proto file.
 */
final class CriMethods {

    static final String RUNTIME_SERVICE = "runtime.v1.RuntimeService";
    static final String IMAGE_SERVICE = "runtime.v1.ImageService";

    static final MethodDescriptor<VersionRequest, VersionResponse> VERSION =
            unary(RUNTIME_SERVICE, "Version", VersionRequest.getDefaultInstance(), VersionResponse.getDefaultInstance());
    static final MethodDescriptor<RunPodSandboxRequest, RunPodSandboxResponse> RUN_POD_SANDBOX =
            unary(RUNTIME_SERVICE, "RunPodSandbox", RunPodSandboxRequest.getDefaultInstance(),
                    RunPodSandboxResponse.getDefaultInstance());
    static final MethodDescriptor<StopPodSandboxRequest, StopPodSandboxResponse> STOP_POD_SANDBOX =
            unary(RUNTIME_SERVICE, "StopPodSandbox", StopPodSandboxRequest.getDefaultInstance(),
                    StopPodSandboxResponse.getDefaultInstance());
    static final MethodDescriptor<RemovePodSandboxRequest, RemovePodSandboxResponse> REMOVE_POD_SANDBOX =
            unary(RUNTIME_SERVICE, "RemovePodSandbox", RemovePodSandboxRequest.getDefaultInstance(),
                    RemovePodSandboxResponse.getDefaultInstance());
    static final MethodDescriptor<ListPodSandboxRequest, ListPodSandboxResponse> LIST_POD_SANDBOX =
            unary(RUNTIME_SERVICE, "ListPodSandbox", ListPodSandboxRequest.getDefaultInstance(),
                    ListPodSandboxResponse.getDefaultInstance());
    static final MethodDescriptor<CreateContainerRequest, CreateContainerResponse> CREATE_CONTAINER =
            unary(RUNTIME_SERVICE, "CreateContainer", CreateContainerRequest.getDefaultInstance(),
                    CreateContainerResponse.getDefaultInstance());
    static final MethodDescriptor<StartContainerRequest, StartContainerResponse> START_CONTAINER =
            unary(RUNTIME_SERVICE, "StartContainer", StartContainerRequest.getDefaultInstance(),
                    StartContainerResponse.getDefaultInstance());
    static final MethodDescriptor<ContainerStatusRequest, ContainerStatusResponse> CONTAINER_STATUS =
            unary(RUNTIME_SERVICE, "ContainerStatus", ContainerStatusRequest.getDefaultInstance(),
                    ContainerStatusResponse.getDefaultInstance());
    static final MethodDescriptor<ExecSyncRequest, ExecSyncResponse> EXEC_SYNC =
            unary(RUNTIME_SERVICE, "ExecSync", ExecSyncRequest.getDefaultInstance(), ExecSyncResponse.getDefaultInstance());
    static final MethodDescriptor<ImageStatusRequest, ImageStatusResponse> IMAGE_STATUS =
            unary(IMAGE_SERVICE, "ImageStatus", ImageStatusRequest.getDefaultInstance(),
                    ImageStatusResponse.getDefaultInstance());
    static final MethodDescriptor<PullImageRequest, PullImageResponse> PULL_IMAGE =
            unary(IMAGE_SERVICE, "PullImage", PullImageRequest.getDefaultInstance(), PullImageResponse.getDefaultInstance());

    private CriMethods() {
    }

    private static <Q extends Message, R extends Message> MethodDescriptor<Q, R> unary(String service, String method,
                                                                                     Q request, R response) {
        return MethodDescriptor.<Q, R>newBuilder()
                .setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName(MethodDescriptor.generateFullMethodName(service, method))
                .setRequestMarshaller(ProtoUtils.marshaller(request))
                .setResponseMarshaller(ProtoUtils.marshaller(response))
                .build();
    }
}
