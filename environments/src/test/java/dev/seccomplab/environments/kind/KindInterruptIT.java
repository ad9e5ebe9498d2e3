package dev.seccomplab.environments.kind;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import dev.seccomplab.environments.engine.DockerEngine;
import dev.seccomplab.environments.engine.LabContainerReaper;
import dev.seccomplab.environments.testing.Requirement;
import dev.seccomplab.environments.testing.RequiresDocker;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A lab process stopped while its kind node starts, as Ctrl-C stops it (SIGTERM runs the same
 * shutdown hooks as SIGINT; a background test cannot send SIGINT), and one killed with kill -9:
 * afterwards neither a node nor its containerd volume is left that the next run does not remove.
 */
@ExtendWith(RequiresDocker.class)
class KindInterruptIT {

    static final String STARTING = "starting the kind node";
    private DockerClient docker;
    private String image;

    @BeforeEach
    void needsTheNodeImage() {
        docker = DockerEngine.connect();
        image = KindNodeChoice.newest().reference(docker);
        if (!DockerEngine.hasImage(docker, image)) {
            Requirement.skip("SECCOMP_LAB_REQUIRE_KIND", "no kind node image here: " + KindNodeImage.missingMessage(image));
        }
    }

    /** Runs in the child: starts the node, says each step, and keeps it until killed. */
    public static void main(String[] args) throws Exception {
        KindEnvironment kind = new KindEnvironment(KindNodeImage.newestVersion(), args[0], Path.of(args[1]), false);
        kind.start(step -> System.out.println(step));
        System.out.println("ready");
        Thread.sleep(Long.MAX_VALUE);
    }

    @Test
    void stoppedDuringTheStartItLeavesNoNodeAndNoVolume() throws Exception {
        List<String> before = kindcontainerVolumes();
        Child child = Child.start(image);
        child.awaitLine(STARTING, 60);
        Thread.sleep(8000); // the node runs systemd and kubeadm by now
        child.process.destroy();
        assertThat(child.process.waitFor(90, TimeUnit.SECONDS)).as("the lab ended after SIGTERM:\n" + child.said()).isTrue();

        assertThat(new LabContainerReaper(docker).labContainers()).as(child.said()).noneMatch(c -> c.getImage().equals(image));
        assertThat(kindcontainerVolumes()).as("volumes left after SIGTERM; the lab said:\n" + child.said()).isEqualTo(before);
    }

    @Test
    void killedWithItsNodeRunningWhatIsLeftIsRemovedByTheNextRun() throws Exception {
        List<String> before = kindcontainerVolumes();
        Child child = Child.start(image);
        child.awaitLine("ready", 180);
        child.process.destroyForcibly().waitFor();
        assertThat(new LabContainerReaper(docker).labContainers()).anyMatch(c -> c.getImage().equals(image));

        List<String> removed = new LabContainerReaper(docker).reapLeftovers();

        assertThat(removed).anyMatch(name -> name.startsWith("volume kindcontainer-"));
        assertThat(new LabContainerReaper(docker).labContainers()).noneMatch(c -> c.getImage().equals(image));
        assertThat(kindcontainerVolumes()).isEqualTo(before);
    }

    private List<String> kindcontainerVolumes() {
        var volumes = docker.listVolumesCmd().exec().getVolumes();
        return volumes == null ? List.of() : volumes.stream().map(v -> v.getName()).filter(n -> n.startsWith("kindcontainer-")).sorted().toList();
    }

    private record Child(Process process, List<String> lines) {

        static Child start(String image) throws Exception {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                    KindInterruptIT.class.getName(), image, "target/kind-interrupt-profiles").redirectErrorStream(true).start();
            List<String> lines = new CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        lines.add(line);
                    }
                } catch (java.io.IOException ended) {
                    // The process is gone.
                }
            });
            reader.setDaemon(true);
            reader.start();
            return new Child(process, lines);
        }

        void awaitLine(String fragment, long seconds) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
            while (lines.stream().noneMatch(line -> line.contains(fragment))) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    process.destroyForcibly();
                    throw new AssertionError("the lab did not get to '" + fragment + "'; it said:\n" + said());
                }
                Thread.sleep(50);
            }
        }

        String said() {
            return String.join("\n", lines);
        }
    }
}
