package dev.seccomplab.scenarios.practice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seccomplab.environments.Progress;
import dev.seccomplab.environments.binaries.KubernetesBinaries;
import dev.seccomplab.environments.local.LocalEnvironment;
import dev.seccomplab.environments.testing.RequiresLocal;
import dev.seccomplab.scenarios.CheckResult;
import dev.seccomplab.scenarios.LabSession;
import dev.seccomplab.scenarios.ScenarioResult;
import dev.seccomplab.scenarios.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Practice the exam's way on a real cluster: the trainee applies with the cluster's own kubectl and
 * edits the kubelet's file, the lab applies nothing of theirs, and the grader reads what runs.
 */
@ExtendWith(RequiresLocal.class)
class LivePracticeIT {

    static final Duration POD_TIMEOUT = Duration.ofMinutes(2);
    @TempDir
    static Path dir;
    static LocalEnvironment local;

    @BeforeAll
    static void startTheCluster() {
        local = new LocalEnvironment(KubernetesBinaries.inStateDirectory(), dir.resolve("profiles"));
        local.start(Progress.SILENT);
    }

    @AfterAll
    static void stopTheCluster() {
        if (local != null) {
            local.close();
        }
    }

    @Test
    void whatTheTraineeAppliedWithKubectlIsGradedAsItRunsFailingTheStartAndPassingTheFix() throws Exception {
        PracticeDirectory directory = new PracticeDirectory(dir.resolve("practice"), PracticeTasks.builtIn().named("runtime-default-deployment"));
        directory.start();
        kubectl("create", "namespace", "exam");
        kubectl("apply", "-n", "exam", "-f", directory.path().resolve("deployment.yaml").toString());

        ScenarioResult start = grade(directory, "exam");
        assertThat(verdictOf(start, "web: runs")).isEqualTo(Verdict.PASS);
        assertThat(verdictOf(start, "web: Seccomp of the workload's own process")).isEqualTo(Verdict.FAIL);
        assertThat(start.passed()).isFalse();

        Path solved = Path.of(LivePracticeIT.class.getResource("/practice-solutions/runtime-default-deployment/solved-pod-level/deployment.yaml").toURI());
        kubectl("apply", "-n", "exam", "-f", solved.toString());

        ScenarioResult fixed = grade(directory, "exam");
        assertThat(fixed.checks()).allSatisfy(check -> assertThat(check.verdict()).as(check.check() + "\n" + check.evidence()).isEqualTo(Verdict.PASS));
        assertThat(directory.status()).isEqualTo(PracticeDirectory.Status.SOLVED);
        assertThat(local.attachNamespace("exam")).as("the trainee's namespace is left as it was").isNotNull();
    }

    @Test
    void theNodeTaskIsGradedOnTheKubeletTheTraineeRestartedAndTheGradersOwnNewPod() throws Exception {
        PracticeDirectory directory = new PracticeDirectory(dir.resolve("practice"), PracticeTasks.builtIn().named("seccomp-default-node"));
        directory.start();
        assertThat(grade(directory, "default").passed()).as("the node as it is: seccompDefault off").isFalse();

        String original = Files.readString(local.kubeletConfig());
        try {
            Files.writeString(local.kubeletConfig(), original + "seccompDefault: true\n");
            local.restartKubelet(Progress.SILENT);
            ScenarioResult graded = grade(directory, "default");
            assertThat(graded.checks()).allSatisfy(check -> assertThat(check.verdict()).as(check.check() + "\n" + check.evidence())
                    .isEqualTo(Verdict.PASS));
        } finally {
            Files.writeString(local.kubeletConfig(), original);
            local.restartKubelet(Progress.SILENT);
        }
    }

    private static ScenarioResult grade(PracticeDirectory directory, String namespace) {
        try (LabSession session = new LabSession(local, POD_TIMEOUT)) {
            return new PracticeRun(directory, session, Progress.SILENT).checkLive(namespace);
        }
    }

    private static Verdict verdictOf(ScenarioResult result, String check) {
        return result.checks().stream().filter(row -> row.check().equals(check)).map(CheckResult::verdict).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + check + " in " + result.checks()));
    }

    /** The cluster's own kubectl, as the trainee runs it ('lab kubectl'). */
    private static void kubectl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(KubernetesBinaries.inStateDirectory().binary("kubectl").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("KUBECONFIG", local.kubeconfig().toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
    }
}
