package dev.seccomplab.environments.docker;

import dev.seccomplab.environments.ExecResult;
import dev.seccomplab.environments.Failures;
import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.LabLabels;
import dev.seccomplab.environments.PodHandle;
import dev.seccomplab.environments.RandomSuffix;
import dev.seccomplab.environments.RuntimeSeccompSpec;
import dev.seccomplab.environments.Workspace;
import dev.seccomplab.environments.rules.EffectiveSeccomp;
import dev.seccomplab.environments.rules.SeccompProfileRules;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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
    private final Map<String, Deployment> deployments = new ConcurrentHashMap<>();
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
    public void apply(Deployment deployment) {
        String deploymentName = deployment.getMetadata().getName();
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        if (pod.getContainers().isEmpty()) {
            throw new LabEnvironmentException("Deployment " + deploymentName + " has no containers");
        }
        deployments.put(deploymentName, deployment);
    }

    @Override
    public PodHandle waitUntilRunning(String deploymentName, Duration timeout) {
        Deployment deployment = Optional.ofNullable(deployments.get(deploymentName))
                .orElseThrow(() -> new LabEnvironmentException("No Deployment named " + deploymentName
                        + " was applied in workspace " + name));
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        String podName = deploymentName + "-" + RandomSuffix.next();
        List<String> names = new ArrayList<>();
        for (Container container : pod.getContainers()) {
            EffectiveSeccomp profile = SeccompProfileRules.effectiveProfile(pod, container, environment.seccompDefault());
            GenericContainer<?> started = start(podName, container, profile, timeout);
            containers.put(podName + "/" + container.getName(), started);
            names.add(container.getName());
        }
        return new PodHandle(name, podName, names);
    }

    @Override
    public ExecResult exec(PodHandle pod, String container, String... command) {
        try {
            var result = running(pod, container).execInContainer(command);
            return new ExecResult(result.getExitCode(), result.getStdout(), result.getStderr());
        } catch (IOException e) {
            throw new LabEnvironmentException("exec " + String.join(" ", command) + " in " + pod.name() + " failed: "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabEnvironmentException("exec in " + pod.name() + " was interrupted", e);
        }
    }

    @Override
    public RuntimeSeccompSpec runtimeSeccomp(PodHandle pod, String container) {
        return OciSpecFile.read(running(pod, container).getContainerId(), OciSpecFile.BUNDLE_ROOTS);
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

    private GenericContainer<?> start(String podName, Container spec, EffectiveSeccomp profile, Duration timeout) {
        boolean privileged = SeccompProfileRules.isPrivileged(spec);
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

    private List<String> securityOptsFor(EffectiveSeccomp profile) {
        return switch (profile.type()) {
            // Docker's own default profile is what RuntimeDefault means on this runtime.
            case RUNTIME_DEFAULT -> List.of();
            case UNCONFINED -> List.of("seccomp=unconfined");
            case LOCALHOST -> List.of("seccomp=" + readLocalhostProfile(profile.localhostProfile()));
        };
    }

    private String readLocalhostProfile(String relativePath) {
        Path root = environment.localhostProfileRoot();
        Path file = root.resolve(relativePath).normalize();
        if (!file.startsWith(root.normalize())) {
            throw new LabEnvironmentException("localhostProfile " + relativePath + " leaves the profile directory " + root);
        }
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new LabEnvironmentException("Localhost seccomp profile " + file + " cannot be read (" + e
                    + "). Put the profile there: it stands for the kubelet's /var/lib/kubelet/seccomp/" + relativePath, e);
        }
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
