package dev.seccomplab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seccomplab.environments.Manifests;
import dev.seccomplab.report.SampleSuites;
import dev.seccomplab.scenarios.CheckResult;
import dev.seccomplab.scenarios.Verdict;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LabCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void anUnknownScenarioIsOneLineNamingItAndExitsTwo() {
        int exit = run("run", "runtime-defualt");
        assertThat(exit).isEqualTo(OneLineErrors.USAGE);
        assertThat(err.toString()).startsWith("lab: unknown scenario 'runtime-defualt'; known scenarios: no-seccomp,")
                .hasLineCount(1);
    }

    @Test
    void aBrokenManifestIsOneLineNamingTheFile() throws Exception {
        CommandLine commandLine = LabCommand.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        int exit = new OneLineErrors().handleExecutionException(
                new Manifests.ManifestException("manifests/broken.yaml", "is not valid Kubernetes YAML: line 3"), commandLine, null);
        assertThat(exit).isEqualTo(OneLineErrors.USAGE);
        assertThat(err.toString()).isEqualTo("lab: manifests/broken.yaml is not valid Kubernetes YAML: line 3" + System.lineSeparator());
    }

    @Test
    void anUnknownEnvironmentIsOneLineListingTheChoices() {
        assertThat(run("run", "--env", "minikube")).isEqualTo(OneLineErrors.USAGE);
        assertThat(err.toString()).isEqualTo("lab: unknown environment 'minikube'; known: auto, kind, local, cri, docker, cluster"
                + System.lineSeparator());
    }

    @Test
    void exitsZeroOnlyWhenEveryCheckPassed() {
        CheckResult pass = new CheckResult("a", "c", "e", "e", Verdict.PASS, "x");
        CheckResult hostLimit = new CheckResult("b", "c", "e", "not run", Verdict.HOST_LIMIT, "x");
        CheckResult fail = new CheckResult("c", "c", "e", "o", Verdict.FAIL, "x");
        assertThat(RunCommand.exitCode(SampleSuites.suite(pass))).isZero();
        assertThat(RunCommand.exitCode(SampleSuites.suite(pass, hostLimit))).isEqualTo(RunCommand.NOT_ALL_JUDGED);
        assertThat(RunCommand.exitCode(SampleSuites.suite(pass, hostLimit, fail))).isEqualTo(RunCommand.FAILED);
    }

    @Test
    void helpListsTheSubcommands() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("run", "doctor", "down");
    }

    private int run(String... args) {
        CommandLine commandLine = LabCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
