package dev.seccomplab.environments.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seccomplab.environments.HostExecutables;
import dev.seccomplab.environments.host.HostCommand;
import dev.seccomplab.environments.testing.Requirement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/runc-bounded, run as containerd's shim runs runc, with a stand-in runc that records its
 * arguments: each capability list it hands on holds only what this host's bounding set has, and
 * runc gets the same arguments.
 */
class RuncBoundedTest {

    private static final Path SCRIPT = Path.of("../scripts/runc-bounded").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** One capability every kernel has, and the one these VMs lack. */
    private static final List<String> ASKED = List.of("CAP_CHOWN", "CAP_SYS_RESOURCE", "CAP_SYS_ADMIN");

    @TempDir
    Path dir;
    private Path fakeRunc;

    @BeforeEach
    void aRuncThatRecordsItsArguments() throws Exception {
        Requirement.skipUnless(HostExecutables.find("jq").isPresent() && HostExecutables.find("capsh").isPresent(),
                "runc-bounded needs jq and capsh (Debian: jq, libcap2-bin; scripts/ensure-host.sh installs them)");
        fakeRunc = dir.resolve("runc");
        Files.writeString(fakeRunc, "#!/bin/sh\necho \"$@\" > " + dir.resolve("runc-args") + "\n");
        fakeRunc.toFile().setExecutable(true);
    }

    @Test
    void createCutsTheContainersCapabilitiesToTheBoundingSet() throws Exception {
        Path bundle = Files.createDirectories(dir.resolve("bundle"));
        Files.writeString(bundle.resolve("config.json"), "{\"ociVersion\":\"1.0.2\",\"process\":{\"args\":[\"sh\"],\"capabilities\":"
                + "{\"bounding\":" + JSON.writeValueAsString(ASKED) + ",\"effective\":" + JSON.writeValueAsString(ASKED) + "}}}");

        run("--root", "/run/x", "--log", "log.json", "create", "--bundle", bundle.toString(), "--pid-file", "p", "c1");

        JsonNode config = JSON.readTree(bundle.resolve("config.json").toFile());
        assertThat(names(config.path("process").path("capabilities").path("bounding"))).isEqualTo(expected());
        assertThat(names(config.path("process").path("capabilities").path("effective"))).isEqualTo(expected());
        assertThat(config.path("process").path("args").get(0).asText()).isEqualTo("sh");
        assertThat(Files.readString(dir.resolve("runc-args")).strip())
                .isEqualTo("--root /run/x --log log.json create --bundle " + bundle + " --pid-file p c1");
    }

    @Test
    void execCutsTheProcessSpecsCapabilitiesToo() throws Exception {
        Path process = dir.resolve("process.json");
        Files.writeString(process, "{\"args\":[\"ls\"],\"capabilities\":{\"permitted\":" + JSON.writeValueAsString(ASKED) + "}}");

        run("--root", "/run/x", "exec", "--process", process.toString(), "--detach", "c1");

        assertThat(names(JSON.readTree(process.toFile()).path("capabilities").path("permitted"))).isEqualTo(expected());
    }

    @Test
    void otherCommandsAndSpecsWithoutCapabilitiesPassThroughUnchanged() throws Exception {
        Path process = dir.resolve("process.json");
        Files.writeString(process, "{\"args\":[\"ls\"]}");

        run("exec", "--process", process.toString(), "c1");
        run("state", "c1");

        assertThat(JSON.readTree(process.toFile())).isEqualTo(JSON.readTree("{\"args\":[\"ls\"]}"));
        assertThat(Files.readString(dir.resolve("runc-args")).strip()).isEqualTo("state c1");
    }

    private void run(String... args) {
        List<String> command = new ArrayList<>(List.of(SCRIPT.toString()));
        command.addAll(List.of(args));
        HostCommand.of(command).environment("SECCOMP_LAB_REAL_RUNC", fakeRunc.toString()).timeout(Duration.ofSeconds(30)).runOrThrow();
    }

    /** What this host's bounding set keeps of {@link #ASKED}, worked out here rather than by the script. */
    private static List<String> expected() {
        List<String> missing = CapabilityBoundingSet.ofThisProcess().orElseThrow().missing().stream()
                .map(name -> name.toUpperCase(Locale.ROOT)).toList();
        return ASKED.stream().filter(cap -> !missing.contains(cap)).toList();
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(node -> names.add(node.asText()));
        return names;
    }
}
