package dev.seccomplab.environments.kind;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Optional;

/**
 * kind through Kindcontainer needs a registry besides its node image. Kindcontainer mounts a fresh
 * volume over the node's /var/lib/containerd ({@code KindContainer}, the {@code nocopy} bind), which
 * hides the control-plane images that the kindest/node image carries there, so kubeadm pulls them
 * from registry.k8s.io. Without it the node never becomes Ready; the lab says so in seconds rather
 * than after kubeadm's timeouts.
 */
public final class ControlPlaneRegistry {

    static final String HOST = "registry.k8s.io";
    private static final int TIMEOUT_MILLIS = 3000;

    private ControlPlaneRegistry() {
    }

    /** Empty when registry.k8s.io answers on port 443; otherwise why kind cannot start here. */
    public static Optional<String> unreachable() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, 443), TIMEOUT_MILLIS);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(explanation(e.toString()));
        }
    }

    static String explanation(String cause) {
        return "kind through Kindcontainer needs " + HOST + " for its control-plane images (Kindcontainer mounts a fresh "
                + "volume over the node's /var/lib/containerd, which hides the images the node image carries), and it does "
                + "not answer from here (" + cause + "). Without a registry, use --env cri: the same runtime, "
                + "containerd, with the lab in the kubelet's place.";
    }
}
