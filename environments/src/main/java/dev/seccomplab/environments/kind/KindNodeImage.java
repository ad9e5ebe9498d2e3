package dev.seccomplab.environments.kind;

import com.dajudge.kindcontainer.KindContainerVersion;
import com.dajudge.kindcontainer.KubernetesImageSpec;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.util.Arrays;

/** The {@code kindest/node} image of a Kubernetes version, which the lab never pulls. */
public final class KindNodeImage {

    private KindNodeImage() {
    }

    /** The newest version Kindcontainer lists: the default. */
    public static KindContainerVersion newestVersion() {
        KindContainerVersion[] versions = KindContainerVersion.values();
        return versions[versions.length - 1];
    }

    /** @param version as Kubernetes writes it, e.g. {@code 1.34.0} */
    public static KindContainerVersion version(String version) {
        return Arrays.stream(KindContainerVersion.values())
                .filter(v -> v.toString().equals(version.replaceFirst("^v", "")))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown kind Kubernetes version '" + version + "'; known: "
                        + String.join(", ", Arrays.stream(KindContainerVersion.values()).map(Object::toString).toList())));
    }

    public static String reference(KindContainerVersion version) {
        return new KubernetesImageSpec<>(version).getImage().asCanonicalNameString();
    }

    public static boolean isPresent(DockerClient docker, KindContainerVersion version) {
        try {
            docker.inspectImageCmd(reference(version)).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    public static String missingMessage(KindContainerVersion version) {
        String image = reference(version);
        return "The kind node image " + image + " is not on this Docker engine, and the lab does not pull it (a pull with no "
                + "registry waits minutes before failing). Where a registry is reachable: 'docker pull " + image
                + "' (and to carry it here: 'docker save -o kind-node.tar " + image + "', then 'docker load -i kind-node.tar')."
                + " Or name a version this engine has with --kind-version. kind also needs registry.k8s.io for its control-plane"
                + " images; offline, use --env cri.";
    }
}
