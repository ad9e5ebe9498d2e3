package dev.seccomplab.environments.local;

import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.Manifests;
import dev.seccomplab.environments.host.HostCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local cluster made by kubeadm, as {@code kubeadm init} makes a node, but phase by phase and
 * without touching the host's /etc/kubernetes: the certificates and kubeconfigs go to the cluster's
 * folder, and the static Pod manifests and the kubelet's files are written by kubeadm's dry run into
 * a folder of the lab's ({@code KUBEADM_INIT_DRYRUN_DIR}). The lab then runs the commands of those
 * manifests as processes, so every flag of the control plane is kubeadm's.
 */
final class KubeadmPhases {

    static final Duration PHASE_TIMEOUT = Duration.ofMinutes(1);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(\\w+)}");
    private static final Pattern KUBELET_ARGS = Pattern.compile("KUBELET_KUBEADM_ARGS=\"([^\"]*)\"");

    private final Path kubeadm;
    private final Path kubectl;
    private final LocalLayout layout;

    KubeadmPhases(Path kubeadm, Path kubectl, LocalLayout layout) {
        this.kubeadm = kubeadm;
        this.kubectl = kubectl;
        this.layout = layout;
    }

    /** The command lines kubeadm made for each program of the control plane, and the kubelet's. */
    record Commands(List<String> etcd, List<String> apiServer, List<String> controllerManager, List<String> scheduler,
                    List<String> kubelet) {
    }

    /** Writes the kubeadm configuration and runs the phases; returns the commands, their programs taken from {@code bin}. */
    Commands run(Map<String, String> values, Path bin) {
        write(layout.kubeadmConfig(), render(template(), values));
        String config = "--config=" + layout.kubeadmConfig();
        phase("init", "phase", "certs", "all", config);
        phase("init", "phase", "kubeconfig", "all", config, "--kubeconfig-dir=" + layout.kubeconfigs());
        phase("init", "phase", "control-plane", "all", config, "--dry-run");
        phase("init", "phase", "etcd", "local", config, "--dry-run");
        phase("init", "phase", "kubelet-start", config, "--dry-run");
        // kubeadm points the controller manager's and the scheduler's kubeconfigs at the advertised
        // address, where the API server, bound to loopback, does not listen.
        String loopback = "https://127.0.0.1:" + values.get("apiServerPort");
        for (String file : List.of("controller-manager.conf", "scheduler.conf")) {
            HostCommand.of(kubectl.toString(), "config", "set-cluster", "seccomp-lab", "--server=" + loopback,
                    "--kubeconfig=" + layout.kubeconfigs().resolve(file)).timeout(PHASE_TIMEOUT).runOrThrow();
        }
        copy(layout.generated().resolve("config.yaml"), layout.kubeletConfig());
        create(layout.seccompProfiles());
        create(layout.root().resolve("manifests"));
        List<String> kubelet = new ArrayList<>(List.of(bin.resolve("kubelet").toString(),
                "--config=" + layout.kubeletConfig(), "--kubeconfig=" + layout.kubeconfigs().resolve("kubelet.conf"),
                "--root-dir=" + layout.kubeletRoot(),
                // Its default is /var/lib/kubelet/pki, whatever --root-dir says.
                "--cert-dir=" + layout.kubeletRoot().resolve("pki")));
        kubelet.addAll(kubeletFlags(read(layout.generated().resolve("kubeadm-flags.env"))));
        return new Commands(manifestCommand("etcd", bin), manifestCommand("kube-apiserver", bin),
                manifestCommand("kube-controller-manager", bin), manifestCommand("kube-scheduler", bin), kubelet);
    }

    /** Fills {@code ${name}} from {@code values}; a name without a value is an error, not an empty string. */
    static String render(String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("the kubeadm template names ${" + matcher.group(1) + "}, which has no value");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(out).toString();
    }

    /** The flags kubeadm's {@code kubeadm-flags.env} gives the kubelet (its systemd drop-in reads them the same way). */
    static List<String> kubeletFlags(String flagsEnv) {
        Matcher matcher = KUBELET_ARGS.matcher(flagsEnv);
        if (!matcher.find()) {
            throw new LabEnvironmentException("kubeadm's kubeadm-flags.env has no KUBELET_KUBEADM_ARGS: " + flagsEnv.strip());
        }
        return Arrays.stream(matcher.group(1).trim().split("\\s+")).filter(flag -> !flag.isEmpty()).toList();
    }

    /** {@code spec.containers[0].command} of a static Pod manifest kubeadm wrote, with the program from {@code bin}. */
    private List<String> manifestCommand(String component, Path bin) {
        Path manifest = layout.generated().resolve(component + ".yaml");
        List<String> command = new ArrayList<>(Manifests.parseWorkload(read(manifest), manifest.toString()).podSpec()
                .getContainers().get(0).getCommand());
        command.set(0, bin.resolve(command.get(0)).toString());
        return command;
    }

    private void phase(String... arguments) {
        List<String> command = new ArrayList<>(List.of(kubeadm.toString()));
        command.addAll(List.of(arguments));
        HostCommand.Result result = HostCommand.of(command).environment("KUBEADM_INIT_DRYRUN_DIR", layout.generated().toString())
                .timeout(PHASE_TIMEOUT).run();
        if (!result.succeeded()) {
            throw new LabEnvironmentException("'kubeadm " + String.join(" ", arguments) + "' failed: " + result.output().strip()
                    + " (configuration: " + layout.kubeadmConfig() + ")");
        }
    }

    private static String template() {
        try (InputStream in = KubeadmPhases.class.getResourceAsStream("kubeadm.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new LabEnvironmentException("The lab's jar lacks its kubeadm template (local/kubeadm.yaml); rebuild the lab.", e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new LabEnvironmentException("kubeadm did not write " + file + " (" + e.getMessage() + ")", e);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static void copy(Path from, Path to) {
        write(to, read(from));
    }

    private static void create(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + directory, e);
        }
    }
}
