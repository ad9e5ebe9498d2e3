package dev.seccomplab.environments.local;

import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.host.SupervisedProcess;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The ports of the local cluster. They are fixed, so that a kubeconfig stays valid from one start to
 * the next, and each is the standard one moved up, so that a real node's control plane on the same
 * host (6443, 2379, 10250, ...) is never in the way.
 */
record LocalPorts(int apiServer, int etcdClient, int etcdPeer, int etcdMetrics, int controllerManager, int scheduler, int kubelet,
                  int kubeletHealthz) {

    static LocalPorts standard() {
        return new LocalPorts(16443, 12379, 12380, 12381, 10357, 10359, 10350, 10348);
    }

    Map<String, Integer> byComponent() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("kube-apiserver", apiServer);
        ports.put("etcd (clients)", etcdClient);
        ports.put("etcd (peers)", etcdPeer);
        ports.put("etcd (metrics)", etcdMetrics);
        ports.put("kube-controller-manager", controllerManager);
        ports.put("kube-scheduler", scheduler);
        ports.put("kubelet", kubelet);
        ports.put("kubelet (healthz)", kubeletHealthz);
        return ports;
    }

    /** Refuses to start when another program listens on one of the ports, naming it. */
    void requireFree() {
        byComponent().forEach((component, port) -> {
            try (ServerSocket probe = new ServerSocket()) {
                // With SO_REUSEADDR, as the programs bind: a connection of the last run still in TIME_WAIT
                // does not count, a listener does.
                probe.setReuseAddress(true);
                probe.bind(new InetSocketAddress("0.0.0.0", port));
            } catch (IOException taken) {
                throw new LabEnvironmentException("Port " + port + ", which the local cluster's " + component + " uses, is taken"
                        + listener(port).map(who -> " by " + who).orElse("") + ". Stop that program; if it is a local cluster "
                        + "of a lab run that is gone, 'lab down' removes it.");
            }
        });
    }

    /** The process listening on a TCP port, from /proc/net/tcp and the processes' open sockets. */
    static Optional<String> listener(int port) {
        String hexPort = String.format(":%04X", port);
        List<String> inodes = Stream.of("/proc/net/tcp", "/proc/net/tcp6")
                .flatMap(LocalPorts::lines)
                .map(line -> line.trim().split("\\s+"))
                .filter(fields -> fields.length > 9 && fields[1].endsWith(hexPort) && "0A".equals(fields[3]))
                .map(fields -> "socket:[" + fields[9] + "]")
                .toList();
        if (inodes.isEmpty()) {
            return Optional.empty();
        }
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .filter(p -> holdsAny(p.resolve("fd"), inodes))
                    .findFirst()
                    .map(p -> "pid " + p.getFileName() + " (" + abbreviate(SupervisedProcess.commandLine(Long.parseLong(p.getFileName().toString()))) + ")");
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean holdsAny(Path fds, List<String> inodes) {
        try (Stream<Path> entries = Files.list(fds)) {
            return entries.anyMatch(fd -> {
                try {
                    return inodes.contains(Files.readSymbolicLink(fd).toString());
                } catch (IOException gone) {
                    return false;
                }
            });
        } catch (IOException noAccess) {
            return false;
        }
    }

    private static Stream<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file)).stream().skip(1);
        } catch (IOException e) {
            return Stream.empty();
        }
    }

    private static String abbreviate(String commandLine) {
        String line = commandLine.strip();
        return line.length() <= 80 ? line : line.substring(0, 80) + "…";
    }
}
