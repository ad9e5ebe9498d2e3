package dev.seccomplab.environments.docker;

import dev.seccomplab.environments.engine.PrivilegedRuntime;
import dev.seccomplab.environments.engine.PrivilegedHostLimit;
import dev.seccomplab.environments.engine.ContainerExec;
import dev.seccomplab.environments.ExecResult;
import dev.seccomplab.environments.Failures;
import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.LabLabels;
import dev.seccomplab.environments.MainProcessStatus;
import dev.seccomplab.environments.NotApplicableException;
import dev.seccomplab.environments.PodHandle;
import dev.seccomplab.environments.RuntimeSeccompSpec;
import dev.seccomplab.environments.Workspace;
import dev.seccomplab.environments.rules.ChosenProfile;
import dev.seccomplab.environments.rules.SeccompProfileRules;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import dev.seccomplab.environments.Workload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/** A label group of containers standing in for one namespace. Each pod container is one Docker container. */
final class DockerWorkspace implements Workspace {

    private final String name;
    private final DockerEnvironment environment;
    /** Key: pod name + "/" + container name. */
    private final Map<String, GenericContainer<?>> containers = new ConcurrentHashMap<>();

    DockerWorkspace(String name, DockerEnvironment environment) {
        this.name = name;
        this.environment = environment;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public PodHandle start(Workload workload, Duration timeout) {
        PodSpec pod = workload.podSpec();
        if (Boolean.TRUE.equals(pod.getShareProcessNamespace())) {
            throw new NotApplicableException("the docker environment runs each container as a Docker container of its own, "
                    + "with no pod sandbox, so a pod's containers cannot share one PID namespace (shareProcessNamespace). "
                    + "Run it with --env cri or --env kind.");
        }
        String podName = workload.podName();
        List<String> names = new ArrayList<>();
        Map<String, String> requests = new LinkedHashMap<>();
        for (Container container : pod.getContainers()) {
            ChosenProfile profile = environment.kubelet().choose(pod, container);
            boolean privileged = SeccompProfileRules.isPrivileged(container);
            containers.put(podName + "/" + container.getName(), start(podName, container, profile, privileged, timeout));
            names.add(container.getName());
            requests.put(container.getName(), environment.kubelet().describeRequest(profile, container));
        }
        return new PodHandle(name, podName, names, requests);
    }

    @Override
    public ExecResult exec(PodHandle pod, String container, String... command) {
        return ContainerExec.run(running(pod, container), "pod " + pod.name(), command);
    }

    @Override
    public RuntimeSeccompSpec runtimeSeccomp(PodHandle pod, String container) {
        return OciSpecFile.read(running(pod, container).getContainerId(), OciSpecFile.BUNDLE_ROOTS);
    }

    @Override
    public MainProcessStatus mainProcessStatus(PodHandle pod, String container) {
        if (!environment.engineIsLocal()) {
            throw new NotApplicableException("the Docker engine is not on this host, so the lab cannot read its processes' "
                    + "/proc/PID/status");
        }
        GenericContainer<?> running = running(pod, container);
        Long pid = environment.docker().inspectContainerCmd(running.getContainerId()).exec().getState().getPidLong();
        Path status = Path.of("/proc", String.valueOf(pid), "status");
        try {
            return new MainProcessStatus(String.join("\n", Files.readAllLines(status)),
                    "PID " + pid + " from docker inspect .State.Pid, then " + status + " on the engine's host",
                    Optional.of(Files.readSymbolicLink(status.resolveSibling("ns").resolve("pid")).toString()));
        } catch (IOException e) {
            throw new LabEnvironmentException("Cannot read " + status + " of pod " + pod.name() + ": " + e, e);
        }
    }

    @Override
    public void close() {
        containers.values().forEach(GenericContainer::stop);
        containers.clear();
    }

    private GenericContainer<?> running(PodHandle pod, String container) {
        return Optional.ofNullable(containers.get(pod.name() + "/" + container))
                .orElseThrow(() -> new LabEnvironmentException("No running container " + container + " in pod "
                        + pod.name() + " of workspace " + name));
    }

    /** The kubelet's choice goes to Docker as it is, and so does privileged: Docker's own rules decide. */
    private GenericContainer<?> start(String podName, Container spec, ChosenProfile profile, boolean privileged, Duration timeout) {
        List<String> securityOpts = securityOptsFor(profile);
        Map<String, String> labels = new HashMap<>(LabLabels.forThisProcess());
        labels.put(LabLabels.WORKSPACE, name);
        labels.put(LabLabels.POD, podName);
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(spec.getImage()))
                .withImagePullPolicy(image -> false)
                .withLabels(labels)
                .withPrivilegedMode(privileged)
                .withStartupTimeout(timeout)
                .withCreateContainerCmdModifier(cmd -> {
                    cmd.withName("seccomp-lab-" + name + "-" + podName + "-" + spec.getName());
                    cmd.withHostName(podName);
                    cmd.getHostConfig().withSecurityOpts(securityOpts);
                    if (privileged) {
                        PrivilegedRuntime.apply(environment.docker(), cmd);
                    }
                });
        List<String> command = Stream.concat(listOrEmpty(spec.getCommand()).stream(), listOrEmpty(spec.getArgs()).stream()).toList();
        if (!command.isEmpty()) {
            container.withCommand(command.toArray(String[]::new));
        }
        try {
            container.start();
            return container;
        } catch (RuntimeException e) {
            container.stop();
            throw explainStartFailure(podName, spec, e);
        }
    }

    private List<String> securityOptsFor(ChosenProfile profile) {
        return switch (profile.type()) {
            // Docker's own default profile is what RuntimeDefault means on this runtime.
            case RUNTIME_DEFAULT -> List.of();
            case UNCONFINED -> List.of("seccomp=unconfined");
            case LOCALHOST -> List.of("seccomp=" + environment.kubelet().readLocalhostProfile(profile));
        };
    }

    private RuntimeException explainStartFailure(String podName, Container spec, RuntimeException failure) {
        if (PrivilegedHostLimit.matches(failure)) {
            return PrivilegedHostLimit.explain(podName, failure, environment.engineIsLocal());
        }
        String rootCause = Failures.rootCauseMessage(failure);
        if (rootCause.contains("No such image")) {
            return new LabEnvironmentException("Image " + spec.getImage() + " of pod " + podName
                    + " is not present on the Docker engine, and the lab never pulls. Build or load it first ("
                    + "the lab's own image is built by 'lab run'; others: 'docker load -i IMAGE.tar').", failure);
        }
        return new LabEnvironmentException("Pod " + podName + " did not start: " + rootCause, failure);
    }

    private static List<String> listOrEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }
}
