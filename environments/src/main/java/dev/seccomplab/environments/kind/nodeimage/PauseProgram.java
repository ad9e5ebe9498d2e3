package dev.seccomplab.environments.kind.nodeimage;

import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.binaries.KubernetesBinaries;
import dev.seccomplab.environments.host.HostCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The sandbox's pause program, compiled from the lab's Go source (it needs no module but the standard library). */
final class PauseProgram {

    private PauseProgram() {
    }

    /** @return the static binary, in {@code workDirectory} */
    static Path build(Path workDirectory) {
        Path go = KubernetesBinaries.findGo().orElseThrow(() -> new LabEnvironmentException("The kind node's pause program is "
                + "compiled with Go, and no 'go' is on PATH or in /usr/local/go/bin. Install Go (https://go.dev/dl), then run again."));
        Path module = workDirectory.resolve("pause-src");
        Path binary = workDirectory.resolve("pause");
        try {
            Files.createDirectories(module);
            for (String file : new String[] {"go.mod", "main.go"}) {
                Files.write(module.resolve(file), NodeResources.read("pause/" + file));
            }
        } catch (IOException e) {
            throw new LabEnvironmentException("Cannot write " + module + ": " + e.getMessage(), e);
        }
        HostCommand.of(go.toString(), "build", "-trimpath", "-ldflags=-s -w", "-o", binary.toString(), ".")
                .directory(module).environment("CGO_ENABLED", "0").timeout(Duration.ofMinutes(5)).runOrThrow();
        return binary;
    }
}
