package dev.seccomplab.environments.image;

import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.host.HostCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A program on this host, with the shared libraries the dynamic loader would map for it: what an image made from it needs. */
public record HostBinary(Path path, List<Path> libraries) {

    private static final List<Path> SEARCH_DIRS =
            List.of(Path.of("/usr/bin"), Path.of("/bin"), Path.of("/usr/sbin"), Path.of("/sbin"));
    private static final Pattern RESOLVED_LIBRARY = Pattern.compile("=>\\s+(/\\S+)\\s+\\(0x");
    private static final Pattern LOADER = Pattern.compile("^\\s*(/\\S+)\\s+\\(0x");

    /**
     * @param debianPackage named in the error, so that a missing program says how to get it
     */
    public static HostBinary locate(String program, String debianPackage) {
        Path found = SEARCH_DIRS.stream()
                .map(dir -> dir.resolve(program))
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> new LabEnvironmentException("The workload image needs '" + program
                        + "' from this host, and it is not in /usr/bin, /bin, /usr/sbin or /sbin. Install it: "
                        + "apt-get install " + debianPackage));
        return new HostBinary(found, librariesOf(found));
    }

    /** Parses {@code ldd} output; a static program has no libraries. */
    static List<Path> parseLdd(String lddOutput) {
        List<Path> libraries = new ArrayList<>();
        for (String line : lddOutput.split("\n")) {
            Matcher resolved = RESOLVED_LIBRARY.matcher(line);
            Matcher loader = LOADER.matcher(line);
            if (resolved.find()) {
                libraries.add(Path.of(resolved.group(1)));
            } else if (loader.find()) {
                libraries.add(Path.of(loader.group(1)));
            }
        }
        return libraries;
    }

    private static List<Path> librariesOf(Path program) {
        try {
            return parseLdd(HostCommand.of("ldd", program.toString()).timeout(Duration.ofSeconds(30)).run().output());
        } catch (LabEnvironmentException e) {
            throw new LabEnvironmentException("Cannot run ldd to find the libraries of " + program
                    + " (" + e.getMessage() + "). Install it: apt-get install libc-bin", e);
        }
    }
}
