package dev.seccomplab.environments.kubernetes;

import dev.seccomplab.environments.KubeletSettings;
import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.Poll;
import dev.seccomplab.environments.Progress;
import dev.seccomplab.environments.ProgressTicker;
import dev.seccomplab.environments.kubelet.KubeletConfigFile;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.readiness.Readiness;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A kubelet's {@code seccompDefault} changed as the seed article does it, on a real kubelet: edit
 * its configuration file, restart it, wait for it. Waiting means three things, each read from the
 * cluster: {@code /configz} shows the new value, the node is Ready, and the kubelet knows its
 * running pods again (before that, {@code kubectl exec} into them fails with "pod does not exist").
 * A kubelet that does not come back gets its file as it was.
 */
public final class KubeletReconfiguration {

    private KubeletReconfiguration() {
    }

    public static void setSeccompDefault(KubernetesClient client, KubeletHost host, boolean wanted, Duration timeout, Progress progress) {
        String original = host.readConfig();
        boolean before = KubeletConfigFile.seccompDefault(original, host.configFile());
        progress.step("setting seccompDefault: " + wanted + " in " + host.configFile());
        host.writeConfig(KubeletConfigFile.withSeccompDefault(original, wanted, host.configFile()));
        try {
            restartAndAwait(client, host, Optional.of(wanted), timeout, progress);
        } catch (RuntimeException notBack) {
            LabEnvironmentException failure = new LabEnvironmentException("After setting seccompDefault: " + wanted + " in "
                    + host.configFile() + " and restarting it, the kubelet of node " + host.nodeName()
                    + " did not come back (" + notBack.getMessage() + "). The lab put the file "
                    + "back as it was. The kubelet's log:\n" + host.recentLog(), notBack);
            try {
                host.writeConfig(original);
                restartAndAwait(client, host, Optional.of(before), timeout, Progress.SILENT);
            } catch (RuntimeException restoreFailed) {
                failure.addSuppressed(restoreFailed);
            }
            throw failure;
        }
    }

    /**
     * Restarts the kubelet and waits for it; returns the settings it serves then.
     *
     * @param expected the seccompDefault it must serve, or empty to take whatever its file says
     */
    public static KubeletSettings restartAndAwait(KubernetesClient client, KubeletHost host, Optional<Boolean> expected,
                                                  Duration timeout, Progress progress) {
        progress.step("restarting the kubelet: " + host.restartCommand());
        long started = System.nanoTime();
        host.restartKubelet();
        try (ProgressTicker ticker = new ProgressTicker(progress, "waiting for the kubelet of node " + host.nodeName() + " to come back", 10)) {
            boolean seccompDefault = Poll.until(timeout, Duration.ofMillis(200), () -> configz(client, host.nodeName())
                            .filter(value -> expected.isEmpty() || value.equals(expected.get())),
                    () -> new LabEnvironmentException("configz of node " + host.nodeName() + " never showed seccompDefault: "
                            + expected.map(String::valueOf).orElse("(any)")));
            client.nodes().withName(host.nodeName()).waitUntilCondition(Readiness::isNodeReady, remaining(started, timeout), TimeUnit.MILLISECONDS);
            Poll.until(Duration.ofMillis(remaining(started, timeout)), Duration.ofMillis(200),
                    () -> missingPods(client, host.nodeName()).isEmpty() ? Optional.of(true) : Optional.empty(),
                    () -> new LabEnvironmentException("the kubelet does not list its running pods again: "
                            + missingPods(client, host.nodeName())));
            progress.step("the kubelet is back after " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms: node "
                    + host.nodeName() + " is Ready, and configz shows seccompDefault: " + seccompDefault);
            return new KubeletSettings(seccompDefault, "configz of node " + host.nodeName() + " (GET " + KubeletConfigz.path(host.nodeName()) + ")");
        }
    }

    private static Optional<Boolean> configz(KubernetesClient client, String node) {
        try {
            return Optional.of(KubeletConfigz.readSeccompDefault(client, node));
        } catch (LabEnvironmentException | KubernetesClientException restarting) {
            return Optional.empty();
        }
    }

    /** Running pods the API server places on the node that the kubelet's own {@code /pods} does not list yet. */
    private static Set<String> missingPods(KubernetesClient client, String node) {
        Set<String> running = client.pods().inAnyNamespace().withField("spec.nodeName", node).list().getItems().stream()
                .filter(pod -> pod.getStatus() != null && "Running".equals(pod.getStatus().getPhase()))
                .map(KubeletReconfiguration::key).collect(Collectors.toSet());
        try {
            String body = client.raw("/api/v1/nodes/" + node + "/proxy/pods");
            if (body != null) {
                Optional.ofNullable(Serialization.unmarshal(body, PodList.class).getItems()).orElse(List.of()).stream()
                        .map(KubeletReconfiguration::key).forEach(running::remove);
            }
        } catch (KubernetesClientException restarting) {
            // Not serving yet: every running pod is still missing.
        }
        return running;
    }

    private static String key(Pod pod) {
        return pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
    }

    private static long remaining(long startedNanos, Duration timeout) {
        return Math.max(1, timeout.toMillis() - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos));
    }
}
