package dev.seccomplab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seccomplab.environments.EnvironmentChoice;
import dev.seccomplab.environments.EnvironmentOptions;
import dev.seccomplab.environments.engine.DockerEngine;
import dev.seccomplab.environments.engine.LabContainerReaper;
import dev.seccomplab.environments.testing.RequiresCri;
import dev.seccomplab.environments.testing.RequiresDocker;
import dev.seccomplab.report.ReportWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code lab run} end to end, in process, on real runtimes. */
class LabRunIT {

    @TempDir
    Path dir;

    /**
     * {@code lab run} as the README's first command: the best environment here, which is kind where
     * its node image is built (as on CI), local where only the binaries are, and cri otherwise. Everything that environment can judge
     * passes, privileged included; without an API server, only the admission lessons are not applicable.
     */
    @Test
    @ExtendWith(RequiresCri.class)
    void onTheBestEnvironmentHereEveryCheckItCanJudgePassesPrivilegedIncluded() throws Exception {
        String best = EnvironmentChoice.autoPick(EnvironmentOptions.defaults()).orElseThrow().provider().name();
        StringWriter out = new StringWriter();
        int exit = lab(out, "run", "--report", dir.resolve("report").toString(), "--kubelet-config",
                dir.resolve("kubelet.yaml").toString());

        assertThat(out.toString())
                .contains("environment " + best + ": auto: " + best)
                .containsPattern("privileged\\s+grep Seccomp /proc/1/status\\s+Seccomp: 0 \\(disabled\\)\\s+Seccomp: 0 \\(disabled\\)\\s+PASS")
                .containsPattern("runtime-default\\s+grep Seccomp /proc/1/status\\s+Seccomp: 2 \\(filter\\)\\s+Seccomp: 2 \\(filter\\)\\s+PASS");
        if (best.equals("kind") || best.equals("local")) {
            assertThat(exit).as(out.toString()).isZero();
            assertThat(out.toString()).containsPattern("\\d+ passed, 0 failed, 0 host limit, 0 not applicable, 0 errors; wall time")
                    .as("the node is left as found").contains("configz shows seccompDefault: false");
        } else {
            assertThat(exit).as(out.toString()).isEqualTo(RunCommand.NOT_ALL_JUDGED);
            assertThat(out.toString()).containsPattern("\\d+ passed, 0 failed, 0 host limit, 3 not applicable, 0 errors; wall time")
                    .contains("baseline-refuses-privileged (NOT APPLICABLE)");
            assertThat(Files.readString(dir.resolve("kubelet.yaml"))).as("the node is left as found").contains("seccompDefault: false");
        }
        assertThat(dir.resolve("report").resolve(ReportWriter.HTML)).isNotEmptyFile();
        assertThat(dir.resolve("report").resolve(ReportWriter.JSON)).isNotEmptyFile();
        assertThat(dir.resolve("report").resolve(ReportWriter.JUNIT_XML)).isNotEmptyFile();
    }

    @Test
    @ExtendWith(RequiresDocker.class)
    void onDockerThePrivilegedPodIsDockersOwnAffair() {
        StringWriter out = new StringWriter();
        int exit = lab(out, "run", "--env", "docker", "--report", dir.resolve("report").toString(), "--kubelet-config",
                dir.resolve("kubelet.yaml").toString(), "runtime-default", "privileged");

        String table = out.toString();
        String unwrapped = table.replaceAll("\\s+", " ");
        assertThat(table).containsPattern("runtime-default\\s+grep Seccomp /proc/1/status\\s+Seccomp: 2 \\(filter\\)\\s+Seccomp: 2 \\(filter\\)\\s+PASS");
        if (table.contains("HOST LIMIT")) {
            assertThat(exit).isEqualTo(RunCommand.NOT_ALL_JUDGED);
            assertThat(unwrapped).contains("unable to apply caps", "this host's capability bounding set (CapBnd ");
        } else {
            assertThat(exit).as(table).isZero();
        }
        assertThat(new LabContainerReaper(DockerEngine.connect()).labContainers()).isEmpty();
    }

    /** The example of docs/scenario-files.md, written out file by file, run as an instructor would. */
    @Test
    @ExtendWith(RequiresCri.class)
    void theScenarioFileOfTheDocsRunsAndItsMisspeltTwinIsRefusedAsTheDocsSay() throws Exception {
        String docs = Files.readString(Path.of("..", "docs", "scenario-files.md"));
        Matcher file = Pattern.compile("`(my-scenarios/[^`]+)`:\\s*```\\w*\\n(.*?)```", Pattern.DOTALL).matcher(docs);
        int files = 0;
        while (file.find()) {
            Path target = dir.resolve(file.group(1));
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.group(2));
            files++;
        }
        assertThat(files).as("files of the example").isEqualTo(3);
        Path scenarios = dir.resolve("my-scenarios");

        StringWriter out = new StringWriter();
        int exit = lab(out, "run", "--scenarios", scenarios.toString(), "--report", dir.resolve("report").toString(),
                "--kubelet-config", dir.resolve("kubelet.yaml").toString());
        assertThat(exit).as(out.toString()).isZero();
        assertThat(out.toString())
                .containsPattern("deny-mkdir\\s+kubelet seccompDefault\\s+seccompDefault: true\\s+seccompDefault: true\\s+PASS")
                .containsPattern("mkdir /tmp/new-directory\\s+fails with EPERM")
                .contains("6 passed, 0 failed");

        Path scenario = scenarios.resolve("deny-mkdir.yaml");
        Files.writeString(scenario, Files.readString(scenario).replace("outcome: EPERM", "outcome: EPRM"));
        StringWriter refused = new StringWriter();
        assertThat(lab(refused, "run", "--scenarios", scenarios.toString())).isEqualTo(OneLineErrors.USAGE);
        String documented = docs.substring(docs.indexOf("## When a file is wrong"))
                .lines().filter(line -> line.startsWith("my-scenarios/")).findFirst().orElseThrow();
        assertThat(refused.toString().strip()).isEqualTo("lab: " + documented.replace("my-scenarios/", scenarios + "/"));
    }

    /** A pod may print anything: binary output leaves every report valid for its readers, and the table clean. */
    @Test
    @ExtendWith(RequiresCri.class)
    void binaryOutputOfACommandLeavesEveryReportValidAndTheTerminalClean() throws Exception {
        Path scenario = dir.resolve("binary.yaml");
        Files.writeString(scenario, """
                name: binary-output
                lesson: A command whose output is binary, judged and reported like any other.
                manifest: |
                  apiVersion: v1
                  kind: Pod
                  metadata:
                    name: binary
                  spec:
                    containers:
                      - name: app
                        image: seccomp-lab/workload:latest
                        imagePullPolicy: Never
                expect:
                  - command: head -c 300000 /bin/busybox
                    outcome: EPERM
                  - command: echo -e \\0033[2J\\0007\\000x
                    outcome: success
                """);
        StringWriter out = new StringWriter();
        int exit = lab(out, "run", "--env", "cri", "--scenarios", scenario.toString(), "--report", dir.resolve("report").toString(),
                "--kubelet-config", dir.resolve("kubelet.yaml").toString(), "--seccomp-profiles", dir.resolve("seccomp").toString());
        assertThat(exit).as(out.toString()).isEqualTo(RunCommand.FAILED);
        assertThat(out.toString()).as("the terminal gets no control character").doesNotContainPattern("[\\x00-\\x08\\x0b-\\x1f\\x7f]")
                .containsPattern("head -c 300000 /bin/busybox\\s+fails with EPERM");

        Path report = dir.resolve("report");
        org.w3c.dom.Document junit = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(report.resolve(ReportWriter.JUNIT_XML).toFile());
        assertThat(junit.getElementsByTagName("failure").item(0).getTextContent())
                .contains("\\x00", "more characters left out");
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(report.resolve(ReportWriter.JSON).toFile());
        assertThat(json.path("outcome").asText()).isEqualTo("FAILED");
        assertThat(json.path("scenarios").get(0).path("checks").get(1).path("evidence").asText())
                .contains("\\x1b[2J\\x07\\x00x");
        assertThat(Files.readString(report.resolve(ReportWriter.HTML))).contains("\\x1b[2J\\x07").doesNotContain("\u001b", "\u0000");
        assertThat(Files.size(report.resolve(ReportWriter.JSON))).as("300 kB of output is cut").isLessThan(100_000);
    }

    private static int lab(StringWriter out, String... args) {
        CommandLine commandLine = LabCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(out, true));
        return commandLine.execute(args);
    }
}
