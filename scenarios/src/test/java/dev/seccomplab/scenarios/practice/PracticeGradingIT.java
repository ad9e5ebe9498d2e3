package dev.seccomplab.scenarios.practice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seccomplab.environments.Progress;
import dev.seccomplab.environments.cri.CriEnvironment;
import dev.seccomplab.environments.kubelet.LabKubelet;
import dev.seccomplab.environments.testing.RequiresCri;
import dev.seccomplab.scenarios.CheckResult;
import dev.seccomplab.scenarios.LabSession;
import dev.seccomplab.scenarios.ScenarioResult;
import dev.seccomplab.scenarios.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every task graded both ways, for real: its untouched start and each known wrong answer fail (at
 * the row the answer's {@code fails-at.txt} names), and each correct answer passes. The answers are
 * under {@code practice-solutions/<task>/solved-*|wrong-*}, laid over the task's starting files.
 */
@ExtendWith(RequiresCri.class)
class PracticeGradingIT {

    @TempDir
    static Path state;
    private static CriEnvironment environment;

    @BeforeAll
    static void start() {
        environment = new CriEnvironment(Optional.empty(), state.resolve("run"),
                new LabKubelet(state.resolve("kubelet/config.yaml"), state.resolve("seccomp"), false));
        environment.start(Progress.SILENT);
    }

    @AfterAll
    static void stop() {
        if (environment != null) {
            environment.close();
        }
    }

    @TestFactory
    Stream<DynamicNode> everyTaskPassesItsSolutionsAndFailsItsStartAndEveryKnownWrongAnswer() throws Exception {
        Path solutions = Path.of(PracticeGradingIT.class.getResource("/practice-solutions").toURI());
        List<DynamicNode> tasks = new ArrayList<>();
        for (PracticeTask task : PracticeTasks.builtIn().all()) {
            List<DynamicNode> cases = new ArrayList<>();
            cases.add(DynamicTest.dynamicTest("the untouched start is not solved", () -> assertNotSolved(grade(task, null), null)));
            for (Path answer : answers(solutions.resolve(task.name()))) {
                String name = answer.getFileName().toString();
                cases.add(DynamicTest.dynamicTest(name, () -> {
                    ScenarioResult result = grade(task, answer);
                    if (name.startsWith("solved")) {
                        assertThat(result.checks()).as(table(result)).isNotEmpty().allMatch(row -> row.verdict() == Verdict.PASS);
                    } else {
                        assertNotSolved(result, Files.readString(answer.resolve("fails-at.txt")).strip());
                    }
                }));
            }
            assertThat(cases).as(task.name() + " has a correct and a wrong answer besides its start").hasSizeGreaterThanOrEqualTo(3);
            tasks.add(DynamicContainer.dynamicContainer(task.name(), cases));
        }
        return tasks.stream();
    }

    private static ScenarioResult grade(PracticeTask task, Path answer) throws IOException {
        Path trainee = Files.createTempDirectory(state, task.name());
        PracticeDirectory directory = new PracticeDirectory(trainee, task);
        directory.start();
        if (answer != null) {
            try (Stream<Path> files = Files.walk(answer)) {
                for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.endsWith("fails-at.txt")).toList()) {
                    directory.write(answer.relativize(file).toString(), Files.readString(file));
                }
            }
        }
        try (LabSession session = new LabSession(environment, Duration.ofSeconds(60))) {
            return new PracticeRun(directory, session, Progress.SILENT).check();
        }
    }

    /** Not solved, and for the reason the answer is known for: a FAIL on the row named, not an error elsewhere. */
    private static void assertNotSolved(ScenarioResult result, String failsAt) {
        assertThat(result.passed()).as(table(result)).isFalse();
        assertThat(result.checks()).as(table(result)).anyMatch(row -> row.verdict() == Verdict.FAIL
                && (failsAt == null || row.check().equals(failsAt)));
        assertThat(result.checks()).as(table(result)).noneMatch(row -> row.verdict() == Verdict.ERROR);
    }

    private static List<Path> answers(Path taskSolutions) throws IOException {
        try (Stream<Path> dirs = Files.list(taskSolutions)) {
            return dirs.filter(Files::isDirectory).sorted().toList();
        }
    }

    private static String table(ScenarioResult result) {
        StringBuilder text = new StringBuilder(result.scenario()).append('\n');
        for (CheckResult row : result.checks()) {
            text.append("  ").append(row.check()).append(" | ").append(row.observed()).append(" | ").append(row.verdict())
                    .append(row.verdict() == Verdict.PASS ? "" : " | " + row.evidence()).append('\n');
        }
        return text.toString();
    }
}
