package dev.seccomplab.environments;

import io.fabric8.kubernetes.client.Config;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** The kubeconfig a real-cluster run would use, found the usual way (KUBECONFIG, then ~/.kube/config). */
public final class Kubeconfig {

    private Kubeconfig() {
    }

    public static Path location() {
        String fromEnv = System.getenv("KUBECONFIG");
        return fromEnv != null && !fromEnv.isBlank()
                ? Path.of(fromEnv.split(File.pathSeparator)[0])
                : Path.of(System.getProperty("user.home"), ".kube", "config");
    }

    public static Finding finding() {
        Path file = location();
        if (!Files.isReadable(file)) {
            return new Finding("kubeconfig", Finding.Status.INFO, "none at " + file + " (only a real cluster needs one)");
        }
        Config config = Config.autoConfigure(null);
        String context = config.getCurrentContext() == null ? "(none)" : config.getCurrentContext().getName();
        return Finding.ok("kubeconfig", file + ", current context " + context + " at " + config.getMasterUrl());
    }
}
