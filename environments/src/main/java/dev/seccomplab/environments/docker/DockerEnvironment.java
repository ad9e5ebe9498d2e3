package dev.seccomplab.environments.docker;

import dev.seccomplab.environments.engine.DockerEngine;
import dev.seccomplab.environments.engine.LabContainerReaper;
import com.github.dockerjava.api.DockerClient;
import dev.seccomplab.environments.CleanupOnExit;
import dev.seccomplab.environments.LabLabels;
import dev.seccomplab.environments.Progress;
import dev.seccomplab.environments.Workspace;
import dev.seccomplab.environments.image.WorkloadImage;
import dev.seccomplab.environments.kubelet.LabKubelet;
import dev.seccomplab.environments.kubelet.PlaysTheKubelet;
import java.util.List;
import org.testcontainers.DockerClientFactory;

/**
 * Pods as containers on the local Docker engine: no control plane, but the real runtime and the
 * real kernel. The lab plays the kubelet ({@link LabKubelet}): it picks each container's profile
 * and passes it to Docker together with the spec's {@code privileged}; Docker's own rules decide
 * the rest, and the kernel's answer is observed.
 */
public final class DockerEnvironment implements PlaysTheKubelet {

    public static final String NAME = "docker";

    private final LabKubelet kubelet;
    private final String owner = LabLabels.thisOwner();
    private DockerClient docker;
    private LabContainerReaper reaper;
    private CleanupOnExit cleanup;

    public DockerEnvironment(LabKubelet kubelet) {
        this.kubelet = kubelet;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "pods as containers on the local Docker engine, the lab in the kubelet's place (runtime and kernel are real; "
                + "no control plane; kubelet configuration " + kubelet.configFile() + ")";
    }

    @Override
    public String comparedWithACluster() {
        return "Docker and the kernel are real, but Docker is not the runtime of a Kubernetes node: RuntimeDefault here means "
                + "Docker's default profile, not containerd's. The lab plays the kubelet and passes the chosen profile and "
                + "privileged on to Docker. Each container runs alone, without a pod sandbox, so pods cannot share a PID "
                + "namespace. There is no API server.";
    }

    @Override
    public void start(Progress progress) {
        progress.step("connecting to the Docker engine");
        docker = DockerEngine.connect();
        reaper = new LabContainerReaper(docker);
        List<String> leftovers = reaper.reapLeftovers();
        if (!leftovers.isEmpty()) {
            progress.step("removed " + leftovers.size() + " container(s) left by an earlier lab run that was killed: "
                    + String.join(", ", leftovers));
        }
        cleanup = CleanupOnExit.register(NAME, () -> reaper.reapOwnedBy(owner));
        WorkloadImage.ensurePresent(docker, progress);
    }

    @Override
    public Workspace openWorkspace(String name) {
        if (docker == null) {
            throw new IllegalStateException("start the docker environment before opening a workspace");
        }
        return new DockerWorkspace(name, this);
    }

    @Override
    public LabKubelet kubelet() {
        return kubelet;
    }

    DockerClient docker() {
        return docker;
    }

    boolean engineIsLocal() {
        return DockerClientFactory.instance().getTransportConfig().getDockerHost().getScheme().equals("unix");
    }

    @Override
    public void close() {
        if (reaper == null) {
            return;
        }
        reaper.reapOwnedBy(owner);
        cleanup.close();
    }
}
