package dev.seccomplab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seccomplab.environments.EnvironmentChoice;
import dev.seccomplab.environments.EnvironmentOptions;
import dev.seccomplab.environments.LabStateDirectory;
import dev.seccomplab.environments.testing.HostProcesses;
import dev.seccomplab.environments.testing.RequiresCri;
import dev.seccomplab.testing.Processes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The packaged {@code lab} as a user runs it, in processes of its own: doctor, down, a kill -9, a host without containerd. */
@ExtendWith(RequiresCri.class)
class LabCommandsIT {

    private static final Path JAR = Path.of("target", "lab.jar").toAbsolutePath();
    private static final Path RUN_ROOT = LabStateDirectory.containerdRuns();

    @TempDir
    Path dir;

    @Test
    void doctorReportsContainerdAndItsCriPluginAndWhatRunWouldPick() throws Exception {
        Processes.Result doctor = lab(Map.of(), "doctor");
        assertThat(doctor.exitCode()).as(doctor.output()).isZero();
        assertThat(doctor.output())
                .containsPattern("\\[ok\\]\\s+cri \\(containerd\\)\\s+/usr/bin/containerd: containerd ")
                .containsPattern("\\[ok\\]\\s+cri: CRI plugin\\s+the lab's own containerd serves CRI v1")
                .containsPattern("\\[(ok|missing)\\]\\s+local \\(Kubernetes\\)\\s+")
                .contains("'lab run' would use " + EnvironmentChoice.autoPick(EnvironmentOptions.defaults()).orElseThrow().provider().name());
    }

    @Test
    void withoutContainerdRunFailsInOneLineSayingHowToGetItAndDoctorSaysSo() throws Exception {
        Map<String, String> noContainerd = Map.of("PATH", dir.toString());
        Processes.Result run = lab(noContainerd, "run", "--env", "cri");
        assertThat(run.exitCode()).as(run.output()).isEqualTo(OneLineErrors.ENVIRONMENT);
        assertThat(run.output().lines().filter(line -> line.startsWith("lab: ")))
                .singleElement().asString()
                .contains("this host has none", "apt-get install containerd", "--cri-socket");

        Processes.Result doctor = lab(noContainerd, "doctor");
        assertThat(doctor.output()).containsPattern("\\[missing\\]\\s+cri \\(containerd\\)\\s+no containerd on this host");
    }

    @Test
    void afterKillNineTheNextRunRemovesWhatTheKilledOneLeft() throws Exception {
        Process first = runUntilPodsStart(dir.resolve("r1"));
        Thread.sleep(300);
        Path killedDirectory = RUN_ROOT.resolve(ownerOf(first));
        assertThat(killedDirectory).isDirectory();
        first.destroyForcibly().waitFor();

        Processes.Result next = lab(Map.of(), "run", "--env", "cri", "--report", dir.resolve("r2").toString(),
                "--kubelet-config", dir.resolve("k.yaml").toString(), "unconfined");
        assertThat(next.exitCode()).as(next.output()).isZero();
        assertThat(next.output()).contains("cleaning up the containerd of lab process " + ownerOf(first));
        assertThat(killedDirectory).doesNotExist();
        assertThat(HostProcesses.mentioning(killedDirectory.toString())).isEmpty();
    }

    @Test
    void downStopsEveryLabContainerdAndRemovesItsPods() throws Exception {
        Process running = runUntilPodsStart(dir.resolve("r"));
        Path directory = RUN_ROOT.resolve(ownerOf(running));
        running.destroyForcibly().waitFor();

        Processes.Result down = lab(Map.of(), "down");
        assertThat(down.exitCode()).as(down.output()).isZero();
        assertThat(down.output()).contains("the containerd of lab process " + ownerOf(running));
        assertThat(directory).doesNotExist();
        assertThat(HostProcesses.mentioning(directory.toString())).isEmpty();
    }

    /** Starts {@code lab run} in a process of its own and returns once it has begun starting pods. */
    private Process runUntilPodsStart(Path report) throws Exception {
        Process run = Processes.start(command("run", "--env", "cri", "--report", report.toString(),
                "--kubelet-config", dir.resolve("k.yaml").toString()), env(Map.of()), Path.of("."));
        Processes.Output output = new Processes.Output(run);
        long deadline = System.currentTimeMillis() + 60_000;
        while (!output.sofar().contains("started  ")) {
            if (System.currentTimeMillis() > deadline || !run.isAlive()) {
                run.destroyForcibly();
                throw new AssertionError("lab run started no pod within 60 s:\n" + output.sofar());
            }
            Thread.sleep(20);
        }
        return run;
    }

    private String ownerOf(Process process) throws Exception {
        return dev.seccomplab.environments.LabLabels.thisOwner().replaceFirst("_\\d+$", "_" + process.pid());
    }

    private Processes.Result lab(Map<String, String> extraEnv, String... args) throws Exception {
        return Processes.run(command(args), env(extraEnv), Path.of("."), 300);
    }

    private static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return command;
    }

    private static Map<String, String> env(Map<String, String> extra) {
        Map<String, String> env = new java.util.HashMap<>(Map.of("TESTCONTAINERS_RYUK_DISABLED", "true",
                "TESTCONTAINERS_HOST_OVERRIDE", "localhost"));
        env.putAll(extra);
        return env;
    }
}
