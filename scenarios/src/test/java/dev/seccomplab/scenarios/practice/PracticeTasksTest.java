package dev.seccomplab.scenarios.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seccomplab.scenarios.ScenarioFileException;
import dev.seccomplab.scenarios.checks.Check;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Task folders, built-in and an instructor's, read and checked before anything starts. */
class PracticeTasksTest {

    private static final String TASK = """
            name: my-task
            title: Refuse keyrings
            goal: |
              Make keyctl fail in pod.yaml.
            hints:
              - Look at securityContext.
            files: [pod.yaml]
            apply: [pod.yaml]
            node:
              seccompDefault: false
            grade:
              - workload: web
                expect:
                  - ownProcessSeccomp: filter
                  - command: keyctl show
                    outcome: EPERM
            """;
    private static final String POD = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
                - name: app
                  image: seccomp-lab/workload:latest
            """;

    @TempDir
    Path dir;

    @Test
    void theBuiltInTasksAreTheirFoldersInTheIndexOrderWithTheirStartingFilesAndChecks() {
        List<PracticeTask> tasks = PracticeTasks.builtIn().all();
        assertThat(tasks).extracting(PracticeTask::name).containsExactly("runtime-default-deployment", "deny-keyctl-profile",
                "find-disabled-seccomp", "seccomp-default-node", "kill-on-syscall", "least-privilege-profile");
        PracticeTask kill = PracticeTasks.builtIn().named("kill-on-syscall");
        assertThat(kill.startingFiles()).containsOnlyKeys("pod.yaml", "seccomp/profiles/kill-uname.json");
        assertThat(kill.startingFiles().get("pod.yaml")).contains("localhostProfile: profiles/kill-uname.json");
        assertThat(kill.hints()).hasSize(3);
        assertThat(kill.grading().workloads()).singleElement().satisfies(graded -> assertThat(graded.checks()).extracting(Check::name)
                .containsExactly("Seccomp of the workload's own process", "uname", "ls /", "keyctl show"));
        PracticeTask node = PracticeTasks.builtIn().named("seccomp-default-node");
        assertThat(node.grading().kubeletConfig()).contains("kubelet-config.yaml");
        assertThat(node.grading().probe()).hasValueSatisfying(probe -> assertThat(probe.name()).isEqualTo("no-profile"));
        assertThat(PracticeTasks.builtIn().named("find-disabled-seccomp").grading().workloads())
                .extracting(Grading.WorkloadChecks::workload).containsExactly("api", "worker", "metrics");
    }

    @Test
    void anInstructorsFolderIsReadAsOneTaskOrAFolderOfThem() throws IOException {
        Path task = writeTask(dir.resolve("tasks/my-task"), TASK);
        assertThat(PracticeTasks.in(task).all()).extracting(PracticeTask::name).containsExactly("my-task");
        assertThat(PracticeTasks.in(dir.resolve("tasks")).named("my-task").startingFiles()).containsEntry("pod.yaml", POD);
        assertThatThrownBy(() -> PracticeTasks.in(dir.resolve("tasks")).named("other"))
                .hasMessageContaining("no practice task 'other'; the tasks are my-task");
    }

    @Test
    void eachProblemIsOneLineWithTheFileTheLineAndTheField() throws IOException {
        assertProblem(TASK.replace("title:", "titel:"), ":2: unknown field 'titel'; allowed here: apply, files, goal, grade");
        assertProblem(TASK.replace("outcome: EPERM", "outcome: EPRM"), ":16: grade[0].expect[1].outcome: 'EPRM' is not an outcome");
        assertProblem(TASK.replace("apply: [pod.yaml]", "apply: [deployment.yaml]"),
                ":8: apply[0]: 'deployment.yaml' is not one of the files");
        assertProblem(TASK.replace("files: [pod.yaml]", "files: [pod.yaml, profile.json]"),
                ":7: files[1]: no file start/profile.json beside");
        assertProblem(TASK.replace("  seccompDefault: false", "  seccompDefault: false\n  kubeletConfig: pod.yaml"),
                ":10: node: has kubeletConfig (the trainee sets seccompDefault) or seccompDefault (the task does), not both");
        assertProblem(TASK.replace("      - ownProcessSeccomp: filter\n", "      - admission: admitted\n"),
                ":14: grade[0].expect: a practice task grades running pods");
        assertProblem(TASK.replace("name: my-task", "name: My Task"), ":1: name: a task needs a name of lower-case letters");
        assertProblem(TASK.replace("- Look at securityContext.", "- Look at: securityContext."),
                ":6: hints[0]: is not a text; quote it ('...') when it holds ': '");
        assertProblem("", ": is empty; a practice task needs name, title, goal, files and grade");
    }

    private void assertProblem(String yaml, String expected) throws IOException {
        Path task = writeTask(Files.createTempDirectory(dir, "task"), yaml);
        assertThatThrownBy(() -> PracticeTasks.in(task)).isInstanceOf(ScenarioFileException.class)
                .hasMessageStartingWith(task.resolve("task.yaml") + expected)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    private static Path writeTask(Path folder, String yaml) throws IOException {
        Files.createDirectories(folder.resolve("start"));
        Files.writeString(folder.resolve("task.yaml"), yaml);
        Files.writeString(folder.resolve("start/pod.yaml"), POD);
        return folder;
    }
}
