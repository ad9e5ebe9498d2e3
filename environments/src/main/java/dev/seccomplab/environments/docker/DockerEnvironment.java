package dev.seccomplab.environments.docker;

import com.github.dockerjava.api.DockerClient;
import dev.seccomplab.environments.KubeletSettings;
import dev.seccomplab.environments.LabEnvironment;
import dev.seccomplab.environments.LabLabels;
import dev.seccomplab.environments.Progress;
import dev.seccomplab.environments.Workspace;
import dev.seccomplab.environments.image.WorkloadImage;
import java.nio.file.Path;
import java.util.List;
import org.testcontainers.DockerClientFactory;

/**
 * Pods as containers on the local Docker engine: no control plane, but the real runtime and the
 * real kernel. With no kubelet to decide, the profile of each container comes from
 * {@link dev.seccomplab.environments.rules.SeccompProfileRules}; the kernel's answer is observed,
 * never assumed.
 */
public final class DockerEnvironment implements LabEnvironment {

    public static final String NAME = "docker";
    private static final String SETTINGS_SOURCE =
            "docker environment: no kubelet runs; the lab applies the kubelet's rules with this value";

    private final Path localhostProfileRoot;
    private final String owner = LabLabels.thisOwner();
    private volatile boolean seccompDefault;
    private DockerClient docker;
    private LabContainerReaper reaper;
    private Thread shutdownHook;

    /**
     * @param localhostProfileRoot where {@code Localhost} profiles are read, like the kubelet's
     *                             {@code /var/lib/kubelet/seccomp}
     */
    public DockerEnvironment(Path localhostProfileRoot) {
        this.localhostProfileRoot = localhostProfileRoot;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "pods as containers on the local Docker engine (runtime and kernel are real; no control plane)";
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
        shutdownHook = new Thread(() -> reaper.reapOwnedBy(owner), "seccomp-lab-cleanup");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        WorkloadImage.ensurePresent(docker, progress);
    }

    @Override
    public KubeletSettings readKubeletSettings() {
        return new KubeletSettings(seccompDefault, SETTINGS_SOURCE);
    }

    @Override
    public void applyKubeletSettings(KubeletSettings wanted, Progress progress) {
        seccompDefault = wanted.seccompDefault();
        progress.step("kubelet rules now use seccompDefault=" + seccompDefault);
    }

    @Override
    public Workspace openWorkspace(String name) {
        if (docker == null) {
            throw new IllegalStateException("start the docker environment before opening a workspace");
        }
        return new DockerWorkspace(name, this);
    }

    boolean seccompDefault() {
        return seccompDefault;
    }

    Path localhostProfileRoot() {
        return localhostProfileRoot;
    }

    String owner() {
        return owner;
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
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to: it does the same cleanup.
        }
    }
}
