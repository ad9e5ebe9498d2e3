package dev.seccomplab.environments.local;

import dev.seccomplab.environments.HostExecutables;
import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.containerd.CniPlugins;
import dev.seccomplab.environments.host.HostCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The pods' network: a bridge the lab creates, with the node's address on it, and Debian's CNI
 * plugins ({@code bridge}, {@code host-local}) giving each pod an address there. The bridge has no
 * uplink, the pods no default route, and the host's forwarding and firewall are left as they are:
 * pods reach the node and each other, nothing beyond, and nothing sends traffic to them.
 *
 * @param subnet the pods' /24, e.g. {@code 10.217.0.0}; the node has its first address
 */
record PodNetwork(String subnet) {

    static final String BRIDGE = "seccomplab0";
    static final Path CNI_PLUGINS = Path.of("/usr/lib/cni");
    static final List<String> PLUGINS = List.of("bridge", "host-local", "loopback");
    /** Candidates for the pods' /24, tried in turn; one already routed on this host is passed over. */
    static final List<String> SUBNETS = List.of("10.217.0.0", "10.218.0.0", "172.30.217.0");
    private static final Duration IP_TIMEOUT = Duration.ofSeconds(15);

    /** The first candidate subnet that no route of this host covers. */
    static PodNetwork choose() {
        List<String> routes = routedPrefixes();
        return SUBNETS.stream().filter(subnet -> routes.stream().noneMatch(subnet::startsWith)).findFirst()
                .map(PodNetwork::new)
                .orElseThrow(() -> new LabEnvironmentException("Every subnet the local cluster can use for its pods ("
                        + String.join(", ", SUBNETS) + ", each /24) is routed on this host already. Free one of them."));
    }

    /** What is missing on this host for pods to get a network, with how to get it. */
    static Optional<String> missing() {
        if (HostExecutables.find("ip").isEmpty()) {
            return Optional.of("the 'ip' command (apt-get install iproute2)");
        }
        return PLUGINS.stream().filter(plugin -> !Files.isExecutable(CNI_PLUGINS.resolve(plugin))).findFirst()
                .map(plugin -> "the CNI plugin " + CNI_PLUGINS.resolve(plugin) + " (apt-get install containernetworking-plugins)");
    }

    String nodeAddress() {
        return subnet.substring(0, subnet.lastIndexOf('.')) + ".1";
    }

    CniPlugins plugins(LocalLayout layout) {
        return new CniPlugins(CNI_PLUGINS, layout.cniConfig());
    }

    /** Creates the bridge with the node's address, and the CNI configuration that puts pods on it. */
    void create(LocalLayout layout) {
        missing().ifPresent(what -> {
            throw new LabEnvironmentException("The local cluster's pods need " + what + ".");
        });
        ip("link", "add", BRIDGE, "type", "bridge");
        ip("addr", "add", nodeAddress() + "/24", "dev", BRIDGE);
        ip("link", "set", BRIDGE, "up");
        String conflist = """
                {
                  "cniVersion": "0.4.0",
                  "name": "seccomp-lab",
                  "plugins": [
                    {
                      "type": "bridge",
                      "bridge": "%s",
                      "isGateway": false,
                      "ipMasq": false,
                      "ipam": {
                        "type": "host-local",
                        "ranges": [[{"subnet": "%s/24", "gateway": "%s"}]],
                        "dataDir": "%s"
                      }
                    }
                  ]
                }
                """.formatted(BRIDGE, subnet, nodeAddress(), layout.cniAddresses());
        try {
            Files.createDirectories(layout.cniConfig());
            Files.writeString(layout.cniConfig().resolve("10-seccomp-lab.conflist"), conflist);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the CNI configuration in " + layout.cniConfig(), e);
        }
    }

    /** Removes the lab's bridge, whoever made it; true when there was one. */
    static boolean removeBridge() {
        if (HostExecutables.find("ip").isEmpty() || !Files.exists(Path.of("/sys/class/net", BRIDGE))) {
            return false;
        }
        HostCommand.of("ip", "link", "delete", BRIDGE).timeout(IP_TIMEOUT).run();
        return true;
    }

    private static void ip(String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of("ip"));
        command.addAll(List.of(arguments));
        HostCommand.Result result = HostCommand.of(command).timeout(IP_TIMEOUT).run();
        if (!result.succeeded()) {
            throw new LabEnvironmentException("'" + String.join(" ", command) + "' failed: " + result.output().strip()
                    + ". The local cluster makes a bridge for its pods, which needs root.");
        }
    }

    /** The network prefixes this host routes, as dotted text of their significant octets, e.g. {@code 10.217.}. */
    private static List<String> routedPrefixes() {
        try {
            return Files.readAllLines(Path.of("/proc/net/route")).stream().skip(1)
                    .map(line -> line.trim().split("\\s+"))
                    .filter(fields -> fields.length > 7)
                    .map(fields -> prefix(fields[1], fields[7]))
                    .filter(prefix -> !prefix.isEmpty())
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** /proc/net/route writes addresses and masks as little-endian hex; a default route covers nothing here. */
    static String prefix(String destinationHex, String maskHex) {
        long destination = Long.parseLong(destinationHex, 16);
        long mask = Long.parseLong(maskHex, 16);
        int octets = Long.bitCount(mask) / 8;
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < octets; i++) {
            prefix.append((destination >> (8 * i)) & 0xff).append('.');
        }
        return prefix.toString();
    }
}
