package dev.seccomplab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seccomplab.environments.LabStateDirectory;
import dev.seccomplab.environments.testing.HostProcesses;
import dev.seccomplab.environments.testing.RequiresLocal;
import dev.seccomplab.testing.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The local cluster as a person uses it, with the packaged {@code lab} in processes of its own:
 * {@code lab cluster up} in one terminal; {@code lab kubectl}, the kubelet's file and
 * {@code lab cluster restart-kubelet}, and {@code lab run --env local} in another; then a
 * {@code kill -9} of the first, and what the next command makes of it.
 */
@ExtendWith(RequiresLocal.class)
class LocalClusterCommandsIT {

    private static final Path JAR = Path.of("target", "lab.jar").toAbsolutePath();
    private static final Path CLUSTER = LabStateDirectory.localCluster();

    @Test
    void aClusterUpIsUsedByKubectlRestartKubeletAndRunAndAKillNineOfItIsCleanedUpByTheNextRun() throws Exception {
        Process up = Processes.start(command("cluster", "up"), env(), Path.of("."));
        Processes.Output upOutput = new Processes.Output(up);
        try {
            await(up, upOutput, "Ctrl-C stops the cluster");
            assertThat(upOutput.sofar()).contains("./lab kubectl get nodes", "export KUBECONFIG=" + CLUSTER.resolve("kubeconfig/admin.conf"));

            Processes.Result nodes = lab("kubectl", "get", "nodes", "-o", "wide");
            assertThat(nodes.exitCode()).as(nodes.output()).isZero();
            assertThat(nodes.output()).containsPattern("lab-node\\s+Ready\\s+<none>\\s+\\S+\\s+v1\\.34\\.\\d+");

            Path kubeletConfig = CLUSTER.resolve("kubelet/config.yaml");
            String original = Files.readString(kubeletConfig);
            Files.writeString(kubeletConfig, original + "seccompDefault: true\n");
            Processes.Result restart = lab("cluster", "restart-kubelet");
            assertThat(restart.exitCode()).as(restart.output()).isZero();
            assertThat(restart.output()).contains("The kubelet reads " + kubeletConfig + " and serves seccompDefault: true");
            Files.writeString(kubeletConfig, original);
            assertThat(lab("cluster", "restart-kubelet").output()).contains("serves seccompDefault: false");

            Processes.Result run = lab("run", "--env", "local", "--report", "target/local-run-report", "runtime-default", "privileged");
            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(run.output()).contains("using the local cluster that lab process", "4 passed, 0 failed");
            assertThat(up.isAlive()).as("the cluster of 'lab cluster up' is left running").isTrue();
        } finally {
            up.destroyForcibly().waitFor();
        }

        Processes.Result next = lab("run", "--env", "local", "--report", "target/local-run-report", "unconfined");
        assertThat(next.exitCode()).as(next.output()).isZero();
        assertThat(next.output()).contains("removed the local cluster a killed lab run");
        assertThat(HostProcesses.mentioning(CLUSTER.toString())).isEmpty();
        assertThat(CLUSTER).doesNotExist();
    }

    @Test
    void withoutARunningClusterKubectlAndRestartKubeletSayHowToStartOne() throws Exception {
        for (String[] args : List.of(new String[] {"kubectl", "get", "nodes"}, new String[] {"cluster", "restart-kubelet"})) {
            Processes.Result result = lab(args);
            assertThat(result.exitCode()).as(result.output()).isEqualTo(OneLineErrors.ENVIRONMENT);
            assertThat(result.output()).contains("No local cluster runs on this host. Start one with './lab cluster up'");
        }
    }

    @Test
    void clusterBuildIsACacheHitWhenTheBinariesAreHere() throws Exception {
        Processes.Result build = lab("cluster", "build");
        assertThat(build.exitCode()).as(build.output()).isZero();
        assertThat(build.output()).contains("are here already", "Run the suite on it with: ./lab run --env local");
    }

    private static void await(Process process, Processes.Output output, String text) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (!output.sofar().contains(text)) {
            if (System.currentTimeMillis() > deadline || !process.isAlive()) {
                process.destroyForcibly();
                throw new AssertionError("'lab cluster up' did not get there:\n" + output.sofar());
            }
            Thread.sleep(50);
        }
    }

    private static Processes.Result lab(String... args) throws Exception {
        return Processes.run(command(args), env(), Path.of("."), 300);
    }

    private static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return command;
    }

    private static Map<String, String> env() {
        return Map.of("TESTCONTAINERS_RYUK_DISABLED", "true", "TESTCONTAINERS_HOST_OVERRIDE", "localhost");
    }
}
