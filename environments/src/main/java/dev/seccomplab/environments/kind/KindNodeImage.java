package dev.seccomplab.environments.kind;

import com.dajudge.kindcontainer.KindContainerVersion;
import com.dajudge.kindcontainer.KubernetesImageSpec;
import java.util.Arrays;

/** kind's own node images, {@code kindest/node}, which the lab never pulls, and the versions Kindcontainer knows. */
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

    public static String missingMessage(String reference) {
        return "The kind node image " + reference + " is not on this Docker engine, and the lab does not pull it (a pull with no "
                + "registry waits minutes before failing). Build the lab's own, which needs no registry at all: './lab kind build' "
                + "(then --kind-image is not needed). Or, where a registry is reachable: 'docker pull " + reference + "'.";
    }
}
