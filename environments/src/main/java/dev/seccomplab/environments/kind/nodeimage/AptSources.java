package dev.seccomplab.environments.kind.nodeimage;

import dev.seccomplab.environments.LabEnvironmentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * This host's Debian release and the apt sources it installs from: the node's root file system is
 * made from the same archive (or mirror) that the host's own packages come from.
 *
 * @param suite e.g. {@code bookworm}
 * @param files the host's sources files, in the order apt reads them
 */
record AptSources(String suite, List<Path> files) {

    static AptSources fromHost() {
        return of(Path.of("/etc/os-release"), Path.of("/etc/apt"));
    }

    static AptSources of(Path osRelease, Path aptDirectory) {
        String suite = codename(osRelease).orElseThrow(() -> new LabEnvironmentException(osRelease + " names no "
                + "VERSION_CODENAME, so the lab cannot tell which Debian release to build the kind node from. The node image "
                + "is built on Debian or a derivative with apt."));
        List<Path> files = new ArrayList<>();
        Path list = aptDirectory.resolve("sources.list");
        if (Files.isRegularFile(list)) {
            files.add(list);
        }
        Path parts = aptDirectory.resolve("sources.list.d");
        if (Files.isDirectory(parts)) {
            try (Stream<Path> entries = Files.list(parts)) {
                entries.filter(p -> p.toString().endsWith(".list") || p.toString().endsWith(".sources")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new LabEnvironmentException("Cannot read " + parts + ": " + e.getMessage(), e);
            }
        }
        if (files.isEmpty()) {
            throw new LabEnvironmentException("No apt sources in " + aptDirectory + " (sources.list or sources.list.d/*.list, "
                    + "*.sources): the kind node's root file system is made from them. Configure apt, then run again.");
        }
        return new AptSources(suite, List.copyOf(files));
    }

    private static Optional<String> codename(Path osRelease) {
        try {
            return Files.readAllLines(osRelease).stream()
                    .filter(line -> line.startsWith("VERSION_CODENAME="))
                    .map(line -> line.substring("VERSION_CODENAME=".length()).replace("\"", "").strip())
                    .filter(name -> !name.isEmpty())
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
