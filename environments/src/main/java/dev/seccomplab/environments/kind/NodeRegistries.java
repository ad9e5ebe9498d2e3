package dev.seccomplab.environments.kind;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a {@code kindest/node} image needs besides itself, started by Kindcontainer: two registries.
 * Kindcontainer mounts an empty volume over the node's /var/lib/containerd ({@code KindContainer},
 * the {@code nocopy} bind), which hides the images the node image carries, so kubeadm's images
 * come from registry.k8s.io, and the CNI it applies (kindnetd) from Docker Hub. Without them the
 * node never becomes Ready. The lab's own node image carries its images elsewhere and needs neither.
 *
 * <p>Each probe asks for what a pull asks for first (a manifest, or the registry's API root) and
 * follows redirects, since registry.k8s.io serves from other hosts: an HTTP answer of any status
 * counts, a failed connection does not.
 */
public final class NodeRegistries {

    static final List<URI> PROBES = List.of(
            URI.create("https://registry.k8s.io/v2/pause/manifests/3.10"),
            URI.create("https://registry-1.docker.io/v2/"));
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private NodeRegistries() {
    }

    /** Empty when both registries answer; otherwise why a kindest/node cluster cannot start here. */
    public static Optional<String> unreachable() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build();
        List<String> failures = new ArrayList<>();
        for (URI probe : PROBES) {
            try {
                http.send(HttpRequest.newBuilder(probe).timeout(TIMEOUT).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.discarding());
            } catch (IOException e) {
                failures.add(probe.getHost() + " (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failures.add(probe.getHost() + " (interrupted)");
            }
        }
        return failures.isEmpty() ? Optional.empty() : Optional.of(explanation(String.join(", ", failures)));
    }

    static String explanation(String unreachable) {
        return "a kindest/node cluster started by Kindcontainer pulls kubeadm's images from registry.k8s.io and its CNI, kindnetd, "
                + "from Docker Hub (an empty volume hides the images the node image carries), and these do not answer from here: "
                + unreachable + ". Build the lab's own node image, which needs no registry: './lab kind build'.";
    }
}
