package dev.seccomplab.environments.local;

import dev.seccomplab.environments.EnvironmentOptions;
import dev.seccomplab.environments.EnvironmentProvider;
import dev.seccomplab.environments.Finding;
import dev.seccomplab.environments.HostExecutables;
import dev.seccomplab.environments.LabEnvironment;
import dev.seccomplab.environments.LabLabels;
import dev.seccomplab.environments.LabStateDirectory;
import dev.seccomplab.environments.Progress;
import dev.seccomplab.environments.binaries.KubernetesBinaries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The local environment: second choice of {@code auto}, after kind, since its kubelet and API
 * server are real, but only once its binaries are here: {@code auto} never starts a build of many
 * minutes by itself.
 */
public final class LocalProvider implements EnvironmentProvider {

    static final String SUBJECT = "local (Kubernetes)";
    /** What the kubelet needs of cgroup v1; it refuses to start without them. */
    static final List<String> CGROUP_V1_CONTROLLERS = List.of("cpu", "cpuacct", "cpuset", "memory", "pids");

    @Override
    public String name() {
        return LocalEnvironment.NAME;
    }

    @Override
    public Optional<Integer> autoRank() {
        return Optional.of(2);
    }

    @Override
    public Optional<String> whyNotHere(EnvironmentOptions options) {
        KubernetesBinaries binaries = KubernetesBinaries.inStateDirectory();
        if (binaries.present().isEmpty()) {
            return Optional.of("its Kubernetes " + binaries.version() + " binaries are not here yet ('./lab cluster build' makes "
                    + "them; 'lab run' never starts that build by itself)");
        }
        return hostProblems().stream().findFirst();
    }

    @Override
    public List<Finding> findings(EnvironmentOptions options) {
        List<Finding> findings = new ArrayList<>();
        KubernetesBinaries binaries = KubernetesBinaries.inStateDirectory();
        findings.add(binaries.present()
                .map(manifest -> Finding.ok(SUBJECT, "Kubernetes " + binaries.version() + " and etcd " + binaries.etcdVersion() + " in "
                        + binaries.directory().resolve("bin") + " (" + manifest.source() + ")"))
                .orElseGet(() -> Finding.missing(SUBJECT, "Kubernetes " + binaries.version() + " is not here yet: './lab cluster build' "
                        + "downloads the release, or builds it from source with Go where no release can be reached (Go: "
                        + goInWords() + ")")));
        hostProblems().forEach(problem -> findings.add(Finding.missing("local: host", problem)));
        LocalLayout layout = new LocalLayout(LabStateDirectory.localCluster());
        LocalLeftovers.owner(layout).ifPresent(owner -> findings.add(LabLabels.ownerIsGone(owner)
                ? Finding.missing("local: cluster", "a killed lab run (" + owner + ") left a cluster in " + layout.root()
                        + "; the next start or 'lab down' removes it")
                : Finding.ok("local: cluster", "running, owned by lab process " + owner + "; kubeconfig " + layout.adminKubeconfig())));
        return findings;
    }

    @Override
    public List<String> removeAll(EnvironmentOptions options, Progress progress) {
        return LocalLeftovers.removeAll(new LocalLayout(LabStateDirectory.localCluster()), progress);
    }

    @Override
    public LabEnvironment create(EnvironmentOptions options) {
        return new LocalEnvironment(KubernetesBinaries.inStateDirectory(), options.localhostProfileRoot());
    }

    /** What this host lacks to run a kubelet and containerd, each with how to get it. */
    static List<String> hostProblems() {
        List<String> problems = new ArrayList<>();
        if (!LabStateDirectory.isRoot()) {
            problems.add("the local cluster runs a kubelet and containerd, which need root");
        }
        for (String program : List.of("containerd", "ctr", "runc")) {
            if (HostExecutables.find(program).isEmpty()) {
                problems.add("this host has no " + program + " (apt-get install containerd runc)");
            }
        }
        PodNetwork.missing().ifPresent(what -> problems.add("the pods' network needs " + what));
        cgroupProblem(Path.of("/sys/fs/cgroup")).ifPresent(problems::add);
        return problems;
    }

    /** A cgroup layout the kubelet refuses: v1 without a controller it needs. */
    static Optional<String> cgroupProblem(Path cgroups) {
        if (Files.exists(cgroups.resolve("cgroup.controllers"))) {
            return Optional.empty();
        }
        return CGROUP_V1_CONTROLLERS.stream().filter(controller -> !Files.exists(cgroups.resolve(controller).resolve("cgroup.procs")))
                .findFirst()
                .map(controller -> "the kubelet refuses this host's cgroups (v1): the " + controller + " controller is not mounted at "
                        + cgroups.resolve(controller) + ". Mount it, or use --env cri, which needs no kubelet");
    }

    private static String goInWords() {
        return KubernetesBinaries.findGo().map(Path::toString).orElse("none found; install Go 1.24 or newer");
    }
}
