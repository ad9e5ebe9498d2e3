package dev.seccomplab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seccomplab.environments.EnvironmentOptions;
import dev.seccomplab.environments.testing.RequiresCri;
import dev.seccomplab.notebook.Lab;
import dev.seccomplab.notebook.Practice;
import dev.seccomplab.scenarios.Outcome;
import dev.seccomplab.scenarios.ScenarioResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The instructor's task of docs/practice.md, written out of the page as it stands: its start is not
 * solved and its answer is, graded by {@code lab practice --tasks} and by a notebook's
 * {@code lab.practice(...)}, which must give the same rows.
 */
@ExtendWith(RequiresCri.class)
class PracticeDocsExampleIT {

    private static final Pattern FILE_BLOCK = Pattern.compile("```\\w+ file=(\\S+)\\n(.*?)```", Pattern.DOTALL);
    private static final String TASK = "no-mkdir";

    @TempDir
    Path dir;
    private Path tasks;
    private Map<String, String> answer;

    @BeforeEach
    void writeTheExampleOutOfTheDocs() throws IOException {
        tasks = dir.resolve("tasks");
        answer = new LinkedHashMap<>();
        Matcher block = FILE_BLOCK.matcher(Files.readString(Path.of("..", "docs", "practice.md")));
        while (block.find()) {
            String file = block.group(1);
            if (file.startsWith("answer/")) {
                answer.put(file.substring("answer/".length()), block.group(2));
            } else {
                Path target = tasks.resolve(file);
                Files.createDirectories(target.getParent());
                Files.writeString(target, block.group(2));
            }
        }
        assertThat(tasks.resolve(TASK).resolve("task.yaml")).as("docs/practice.md's example task").isRegularFile();
        assertThat(answer).as("docs/practice.md's answer").isNotEmpty();
    }

    @Test
    void theCommandAndTheNotebookGradeTheStartAsNotSolvedAndTheAnswerAsSolvedWithTheSameRows() throws IOException {
        Path trainee = dir.resolve("cli");
        assertThat(LabCli.run("practice", "list", "--tasks", tasks.toString(), "--dir", trainee.toString()).text())
                .containsPattern("no-mkdir\\s+not started\\s+Refuse mkdir with a Localhost profile");
        LabCli start = LabCli.run(withEnvironment("practice", "start", TASK, "--dir", trainee.toString()));
        assertThat(start.exit()).as(start.text()).isZero();
        assertThat(start.text()).containsPattern("fixed-tree: runs\\s+Running");

        LabCli unsolved = LabCli.run(withEnvironment("practice", "check", TASK, "--dir", trainee.toString()));
        assertThat(unsolved.exit()).as(unsolved.text()).isEqualTo(RunCommand.FAILED);
        assertThat(unsolved.text()).contains("no-mkdir: not solved");
        List<String> unsolvedRows = reportedRows();
        assertThat(unsolvedRows).contains("fixed-tree: mkdir /made-here | FAIL");

        answer.forEach((file, content) -> write(trainee.resolve(TASK).resolve(file), content));
        LabCli solved = LabCli.run(withEnvironment("practice", "check", TASK, "--dir", trainee.toString()));
        assertThat(solved.exit()).as(solved.text()).isZero();
        assertThat(solved.text()).contains("no-mkdir: SOLVED");
        List<String> solvedRows = reportedRows();
        assertThat(solvedRows).containsExactly("fixed-tree: runs | PASS", "fixed-tree: Seccomp of the workload's own process | PASS",
                "fixed-tree: mkdir /made-here | PASS", "fixed-tree: ls / | PASS");

        try (Lab lab = Lab.create("cri").options(EnvironmentOptions.defaults().withKubeletConfig(dir.resolve("kubelet.yaml"))
                .withLocalhostProfileRoot(dir.resolve("seccomp")))) {
            Practice practice = lab.practiceFiles(dir.resolve("notebook").toString()).practice(tasks.toString(), TASK).start();
            ScenarioResult notYet = practice.expectNotSolved();
            assertThat(notYet.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(rows(notYet)).isEqualTo(unsolvedRows);

            answer.forEach(practice::write);
            ScenarioResult done = practice.check();
            assertThat(done.outcome()).isEqualTo(Outcome.PASSED);
            assertThat(rows(done)).isEqualTo(solvedRows);
        }
    }

    @Test
    void aBrokenTaskFileIsOneLineWithItsFileAndLineAndNothingStarts() throws IOException {
        Path file = tasks.resolve(TASK).resolve("task.yaml");
        Files.writeString(file, Files.readString(file).replace("outcome: EPERM", "outcome: EPRM"));
        LabCli broken = LabCli.run(withEnvironment("practice", "start", TASK, "--dir", dir.resolve("cli").toString()));
        assertThat(broken.exit()).isEqualTo(OneLineErrors.USAGE);
        assertThat(broken.text().strip()).startsWith("lab: " + file + ":19: grade[0].expect[1].outcome: 'EPRM' is not an outcome")
                .doesNotContain("\n");
        assertThat(dir.resolve("cli")).doesNotExist();
    }

    /** Each row of the last report, as "check | verdict". */
    private List<String> reportedRows() throws IOException {
        JsonNode report = new ObjectMapper().readTree(dir.resolve("report").resolve("report.json").toFile());
        List<String> rows = new ArrayList<>();
        report.path("scenarios").get(0).path("checks").forEach(row -> rows.add(row.path("check").asText() + " | "
                + row.path("verdict").asText()));
        return rows;
    }

    private static List<String> rows(ScenarioResult result) {
        return result.checks().stream().map(row -> row.check() + " | " + row.verdict()).toList();
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String[] withEnvironment(String... args) {
        String[] all = new String[args.length + 10];
        System.arraycopy(args, 0, all, 0, args.length);
        String[] more = {"--tasks", tasks.toString(), "--env", "cri", "--kubelet-config", dir.resolve("kubelet.yaml").toString(),
            "--seccomp-profiles", dir.resolve("seccomp").toString(), "--report", dir.resolve("report").toString()};
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }
}
