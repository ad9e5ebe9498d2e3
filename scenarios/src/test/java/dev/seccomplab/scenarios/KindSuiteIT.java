package dev.seccomplab.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import dev.seccomplab.environments.HostLimitException;
import dev.seccomplab.environments.engine.DockerEngine;
import dev.seccomplab.environments.engine.PrivilegedRuntime;
import dev.seccomplab.environments.kind.KindEnvironment;
import dev.seccomplab.environments.kind.KindNodeChoice;
import dev.seccomplab.environments.kind.KindNodeImage;
import dev.seccomplab.environments.kind.NodeRegistries;
import dev.seccomplab.environments.kind.nodeimage.KindNodeImageBuild;
import dev.seccomplab.environments.testing.Requirement;
import dev.seccomplab.environments.testing.RequiresDocker;
import dev.seccomplab.environments.Progress;
import dev.seccomplab.scenarios.practice.PracticeRun;
import dev.seccomplab.scenarios.practice.PracticeDirectory;
import dev.seccomplab.scenarios.practice.PracticeTask;
import dev.seccomplab.scenarios.practice.PracticeTasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole catalogue on a real kind cluster started by Kindcontainer, with the same expectations
 * as everywhere: the kubelet in the node decides. It runs on the lab's own node image
 * ({@code ./lab kind build}), or on kindest/node where its registries answer; without either,
 * every test skips and says how to get one (and fails where SECCOMP_LAB_REQUIRE_KIND=1).
 */
@ExtendWith(RequiresDocker.class)
class KindSuiteIT extends SeccompSuiteContract {

    static final String REQUIRE = "SECCOMP_LAB_REQUIRE_KIND";

    @TempDir
    static Path profiles;
    private static HostLimitException hostLimit;
    /** Why the kind suite cannot run here; each test skips with it, so the report says why. */
    private static String cannotRun;

    @BeforeAll
    static void runTheSuite() {
        DockerClient docker = DockerEngine.connect();
        KindNodeChoice choice = KindNodeChoice.newest();
        String image = choice.reference(docker);
        if (!DockerEngine.hasImage(docker, image)) {
            cannotRun = "kind suite skipped: " + KindNodeImage.missingMessage(image);
        } else if (!KindNodeImageBuild.isLabImage(docker, image)) {
            NodeRegistries.unreachable().ifPresent(why -> cannotRun = "kind suite skipped: " + why);
        }
        if (cannotRun != null) {
            return;
        }
        try {
            runSuite(new KindEnvironment(choice.version(), image, profiles, false), Duration.ofMinutes(3));
        } catch (HostLimitException e) {
            hostLimit = e;
            System.out.println("kind suite skipped, but for its host-limit test: kind could not start on this host: " + e.getMessage());
        }
    }

    @BeforeEach
    void needsAStartedCluster(org.junit.jupiter.api.TestInfo test) {
        if (cannotRun != null) {
            Requirement.skip(REQUIRE, cannotRun);
        }
        if (!test.getTestMethod().orElseThrow().getName().equals("kindStartsWhereverPrivilegedContainersCan")) {
            Requirement.skipUnless(hostLimit == null, "kind could not start on this host: " + (hostLimit == null ? "" : hostLimit.getMessage()));
        }
    }

    @Test
    void kindStartsWhereverPrivilegedContainersCan() throws Exception {
        var incomplete = incompleteBoundingSet();
        if (incomplete.isEmpty() || PrivilegedRuntime.isRegistered(DockerEngine.connect())) {
            assertThat(hostLimit).as("kind should start where the engine can run privileged containers").isNull();
        } else {
            assertThat(hostLimit).isNotNull();
            assertThat(hostLimit.getMessage()).contains("kind node runs as a privileged container",
                    "CapBnd " + incomplete.get() + ") lacks cap_", "scripts/ensure-host.sh");
        }
    }

    @Override
    String profileSource() {
        return "ctr --namespace k8s.io containers info";
    }

    @Override
    boolean privilegedNeedsEveryCapability() {
        return true;
    }

    @Override
    boolean hasApiServer() {
        return true;
    }

    @Override
    boolean hasPodSandboxes() {
        return true;
    }

    /** A practice task on the same cluster, graded both ways: its start is not solved, a known answer is. */
    @Test
    void aPracticeTaskIsGradedOnKindFailingItsStartAndPassingItsSolution() throws Exception {
        PracticeTask task = PracticeTasks.builtIn().named("runtime-default-deployment");
        Path solution = Path.of(KindSuiteIT.class.getResource("/practice-solutions/" + task.name() + "/solved-pod-level").toURI());

        ScenarioResult start = gradeOnKind(task, null);
        ScenarioResult solved = gradeOnKind(task, solution);

        assertThat(start.passed()).isFalse();
        assertThat(start.checks()).anyMatch(row -> row.verdict() == Verdict.FAIL).noneMatch(row -> row.verdict() == Verdict.ERROR);
        assertThat(solved.checks()).isNotEmpty().allSatisfy(row -> assertThat(row.verdict()).as(row.check() + ": " + row.evidence())
                .isEqualTo(Verdict.PASS));
    }

    private static ScenarioResult gradeOnKind(PracticeTask task, Path answer) throws Exception {
        PracticeDirectory directory = new PracticeDirectory(Files.createTempDirectory(profiles, task.name()), task);
        directory.start();
        if (answer != null) {
            try (Stream<Path> files = Files.walk(answer)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    directory.write(answer.relativize(file).toString(), Files.readString(file));
                }
            }
        }
        try (LabSession session = new LabSession(environment, Duration.ofMinutes(2))) {
            return new PracticeRun(directory, session, Progress.SILENT).check();
        }
    }

    @Test
    void theKubeletSettingIsReadBackThroughConfigz() {
        assertThat(checksOf("seccomp-default").get(0).evidence()).contains("/api/v1/nodes/kind/proxy/configz");
    }
}
