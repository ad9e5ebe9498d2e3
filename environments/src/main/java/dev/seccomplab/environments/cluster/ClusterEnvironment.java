package dev.seccomplab.environments.cluster;

import dev.seccomplab.environments.Failures;
import dev.seccomplab.environments.Kubeconfig;
import dev.seccomplab.environments.KubeletSettings;
import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.NodeSettingsReadOnlyException;
import dev.seccomplab.environments.NotApplicableException;
import dev.seccomplab.environments.Progress;
import dev.seccomplab.environments.kubernetes.ApiServerEnvironment;
import dev.seccomplab.environments.kubernetes.KubeletConfigz;
import dev.seccomplab.environments.kubernetes.LabNamespaces;
import dev.seccomplab.environments.kubernetes.PrivilegedGuard;
import dev.seccomplab.environments.kubernetes.NodeInspector;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Any cluster reachable by kubeconfig. It is somebody's cluster, so the lab only reads its nodes,
 * works in its own namespaces, and runs privileged pods only when allowed.
 */
public final class ClusterEnvironment extends ApiServerEnvironment {

    public static final String NAME = "cluster";
    static final String ALLOW_PRIVILEGED_FLAG = "--allow-privileged";

    private final Path kubeconfig;
    private final String context;
    private final PrivilegedGuard guard;
    private KubernetesClient client;

    /** @param context a kubeconfig context, or null for the current one */
    public ClusterEnvironment(String context, boolean allowPrivileged) {
        this(Kubeconfig.location(), context, allowPrivileged);
    }

    /** @param kubeconfig the kubeconfig file to read, instead of KUBECONFIG or ~/.kube/config */
    public ClusterEnvironment(Path kubeconfig, String context, boolean allowPrivileged) {
        this.kubeconfig = kubeconfig;
        this.context = context;
        this.guard = new PrivilegedGuard(allowPrivileged, ALLOW_PRIVILEGED_FLAG);
    }

    /** On a client made elsewhere (a mock server in tests). */
    ClusterEnvironment(KubernetesClient client, boolean allowPrivileged) {
        this((String) null, allowPrivileged);
        this.client = client;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "an existing cluster, context " + (context == null ? "(current)" : context) + "; nodes are only read";
    }

    @Override
    public String comparedWithACluster() {
        return "A real cluster. The lab works in namespaces of its own, only reads the nodes' kubelet settings, and cannot "
                + "put Localhost profiles on the nodes or read their runtime specs.";
    }

    @Override
    public void start(Progress progress) {
        if (client == null) {
            if (!Files.isReadable(kubeconfig) && System.getenv("KUBERNETES_SERVICE_HOST") == null) {
                throw new LabEnvironmentException("No kubeconfig at " + kubeconfig + ", so there is no cluster to "
                        + "connect to. Point KUBECONFIG at one (and choose a context with --context), or use --env local, kind or cri.");
            }
            progress.step("connecting with kubeconfig " + kubeconfig + ", context " + (context == null ? "(current)" : context));
            client = new KubernetesClientBuilder().withConfig(config()).build();
        }
        try {
            progress.step("API server answers: Kubernetes " + client.getKubernetesVersion().getGitVersion());
        } catch (KubernetesClientException e) {
            throw new LabEnvironmentException("Cannot reach the cluster of context " + (context == null ? "(current)" : context)
                    + " at " + client.getConfiguration().getMasterUrl() + ": " + e.getMessage() + " (" + Failures.rootCauseMessage(e) + ")"
                    + ". Check it with: kubectl" + (context == null ? "" : " --context " + context) + " get nodes", e);
        }
        List<String> leftovers = LabNamespaces.reapLeftovers(client);
        if (!leftovers.isEmpty()) {
            progress.step("deleting namespaces left by a killed lab run: " + String.join(", ", leftovers));
        }
    }

    /** The kubeconfig's context; in a pod with no kubeconfig, its service account (what fabric8 finds by itself). */
    private Config config() {
        if (!Files.isReadable(kubeconfig)) {
            return Config.autoConfigure(context);
        }
        try {
            return Config.fromKubeconfig(context, Files.readString(kubeconfig), kubeconfig.toString());
        } catch (IOException e) {
            throw new LabEnvironmentException("Cannot read the kubeconfig " + kubeconfig + ": " + e, e);
        }
    }

    /** Every node's own value; {@code seccompDefault} is true only when all nodes have it. */
    @Override
    public KubeletSettings readKubeletSettings() {
        Map<String, Boolean> byNode = nodeValues();
        boolean all = !byNode.isEmpty() && byNode.values().stream().allMatch(Boolean::booleanValue);
        return new KubeletSettings(all, "configz of " + describe(byNode));
    }

    @Override
    public void applyKubeletSettings(KubeletSettings wanted, Progress progress) {
        Map<String, Boolean> byNode = nodeValues();
        if (byNode.values().stream().allMatch(value -> value == wanted.seccompDefault())) {
            return;
        }
        throw new NodeSettingsReadOnlyException("needs seccompDefault=" + wanted.seccompDefault() + " on every node, but "
                + describe(byNode) + "; the cluster environment never changes nodes");
    }

    @Override
    public void installLocalhostProfile(String relativePath, String json) {
        throw new NotApplicableException("the cluster environment does not write to nodes, and this needs the Localhost "
                + "profile " + relativePath + " in every node's /var/lib/kubelet/seccomp; copy it there yourself");
    }

    @Override
    protected KubernetesClient client() {
        return client;
    }

    @Override
    protected NodeInspector nodeInspector() {
        return NodeInspector.none(NAME);
    }

    @Override
    protected PrivilegedGuard privilegedGuard() {
        return guard;
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }

    private Map<String, Boolean> nodeValues() {
        Map<String, Boolean> byNode = new LinkedHashMap<>();
        for (Node node : client.nodes().list().getItems()) {
            String nodeName = node.getMetadata().getName();
            byNode.put(nodeName, KubeletConfigz.readSeccompDefault(client, nodeName));
        }
        return byNode;
    }

    private static String describe(Map<String, Boolean> byNode) {
        return byNode.isEmpty() ? "no nodes"
                : byNode.entrySet().stream().map(e -> "node " + e.getKey() + " seccompDefault=" + e.getValue())
                        .collect(Collectors.joining(", "));
    }
}
