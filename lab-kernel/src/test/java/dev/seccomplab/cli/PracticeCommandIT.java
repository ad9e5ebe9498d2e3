package dev.seccomplab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seccomplab.environments.testing.RequiresCri;
import dev.seccomplab.report.ReportWriter;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code lab practice} as a trainee uses it, in process, on the default environment. */
@ExtendWith(RequiresCri.class)
class PracticeCommandIT {

    @TempDir
    Path dir;

    /** From the list to a solved task with only what the commands print, then back to the start. */
    @Test
    void aTraineeGoesFromTheListToASolvedTask() throws Exception {
        LabCli list = LabCli.run("practice", "list", "--dir", dir.toString());
        assertThat(list.text()).containsPattern("kill-on-syscall\\s+not started\\s+Kill a process");

        LabCli start = LabCli.run("practice", "start", "kill-on-syscall", "--dir", dir.toString(), "--kubelet-config",
                dir.resolve("kubelet.yaml").toString(), "--report", dir.resolve("report").toString());
        assertThat(start.exit()).as(start.text()).isZero();
        assertThat(start.text()).contains("Goal:", "kills any process of the pod that calls uname", "lab practice check kill-on-syscall")
                .containsPattern("sysinfo: runs\\s+Running");
        Path profile = dir.resolve("kill-on-syscall/seccomp/profiles/kill-uname.json");
        String startingProfile = Files.readString(profile);

        LabCli unsolved = check();
        assertThat(unsolved.exit()).as(unsolved.text()).isEqualTo(1);
        assertThat(unsolved.text()).containsPattern("sysinfo: uname\\s+killed by SIGSYS \\(Bad system call,\\s+succeeds\\s+FAIL")
                .contains("kill-on-syscall: not solved");

        for (int hint = 1; hint <= 3; hint++) {
            assertThat(LabCli.run("practice", "hint", "kill-on-syscall", "--dir", dir.toString()).text()).startsWith("Hint " + hint + " of 3: ");
        }
        assertThat(LabCli.run("practice", "hint", "kill-on-syscall", "--dir", dir.toString()).text()).startsWith("No more hints");

        Files.writeString(profile, """
                {"defaultAction": "SCMP_ACT_ALLOW",
                 "syscalls": [{"names": ["uname"], "action": "SCMP_ACT_KILL_PROCESS"}]}
                """);
        LabCli solved = check();
        assertThat(solved.exit()).as(solved.text()).isZero();
        assertThat(solved.text()).contains("kill-on-syscall: SOLVED")
                .containsPattern("sysinfo: uname\\s+killed by SIGSYS \\(Bad system call,\\s+killed by SIGSYS \\(Bad system call, exit 159\\)\\s+PASS");
        assertThat(dir.resolve("report").resolve(ReportWriter.JUNIT_XML)).content().contains("kill-on-syscall");
        assertThat(LabCli.run("practice", "list", "--dir", dir.toString()).text()).containsPattern("kill-on-syscall\\s+solved");

        assertThat(LabCli.run("practice", "reset", "kill-on-syscall", "--dir", dir.toString()).exit()).isZero();
        assertThat(profile).content().isEqualTo(startingProfile);
        assertThat(LabCli.run("practice", "hint", "kill-on-syscall", "--dir", dir.toString()).text()).startsWith("Hint 1 of 3: ");
    }

    @Test
    void anExamDealsTasksAndGradesThemAllWhenHandedIn() {
        InputStream terminal = System.in;
        System.setIn(new ByteArrayInputStream("\n".getBytes(StandardCharsets.UTF_8)));
        LabCli exam;
        try {
            exam = LabCli.run("practice", "exam", "--deal", "2", "--minutes", "1", "--seed", "7", "--dir", dir.resolve("exam").toString(),
                    "--kubelet-config", dir.resolve("kubelet.yaml").toString(), "--report", dir.resolve("report").toString());
        } finally {
            System.setIn(terminal);
        }
        assertThat(exam.exit()).as(exam.text()).isEqualTo(1);
        assertThat(exam.text()).contains("Exam: 2 tasks, 1 minute.", "Task 1 of 2: ", "Task 2 of 2: ", "Handed in.",
                "Score: 0 of 2 tasks solved.");
        assertThat(dir.resolve("report").resolve(ReportWriter.HTML)).isNotEmptyFile();
    }

    @Test
    void anUnknownOrUnstartedTaskIsBadUsageNamingWhatToDo() {
        LabCli unknown = LabCli.run("practice", "check", "no-such-task", "--dir", dir.toString());
        assertThat(unknown.exit()).isEqualTo(OneLineErrors.USAGE);
        assertThat(unknown.text()).contains("no practice task 'no-such-task'; the tasks are runtime-default-deployment");
        LabCli unstarted = LabCli.run("practice", "check", "find-disabled-seccomp", "--dir", dir.toString());
        assertThat(unstarted.exit()).isEqualTo(OneLineErrors.USAGE);
        assertThat(unstarted.text()).contains("'lab practice start find-disabled-seccomp' writes its files");
    }

    private LabCli check() {
        return LabCli.run("practice", "check", "kill-on-syscall", "--dir", dir.toString(), "--kubelet-config",
                dir.resolve("kubelet.yaml").toString(), "--report", dir.resolve("report").toString());
    }
}
