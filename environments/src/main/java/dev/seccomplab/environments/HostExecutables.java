package dev.seccomplab.environments;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Programs of this host the lab runs (containerd, ctr), found on PATH and in the system
 * directories that a user's PATH often leaves out.
 */
public final class HostExecutables {

    private HostExecutables() {
    }

    public static Optional<Path> find(String program) {
        Set<String> dirs = new LinkedHashSet<>();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isBlank()) {
                dirs.add(dir);
            }
        }
        dirs.add("/usr/sbin");
        dirs.add("/sbin");
        return dirs.stream().map(dir -> Path.of(dir, program)).filter(Files::isExecutable).findFirst();
    }
}
