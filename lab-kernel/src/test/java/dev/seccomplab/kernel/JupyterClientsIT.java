package dev.seccomplab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seccomplab.environments.testing.RequiresCri;
import dev.seccomplab.environments.testing.RequiresDocker;
import dev.seccomplab.testing.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The kernel under real Jupyter clients from Debian: the conformance suite, lifecycle tests, and nbconvert. */
class JupyterClientsIT {

    private static final Path PYTHON_TESTS = Path.of("src", "test", "python").toAbsolutePath();

    @TempDir
    static Path jupyterHome;
    private static Map<String, String> env;

    @BeforeAll
    static void installKernelspec() throws Exception {
        JupyterTooling.assumeInstalled();
        env = JupyterTooling.privateKernelspec(jupyterHome);
    }

    @Test
    void passesTheOfficialKernelConformanceSuite() throws Exception {
        Processes.Result result = python("-m", "unittest", "-v", "test_conformance");
        System.out.println(result.output());
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("Ran 12 tests").contains("OK (skipped=2)");
    }

    @Test
    void survivesInterruptsExitsForgedMessagesAndAThousandExecutes() throws Exception {
        Processes.Result result = python("-m", "unittest", "-v", "test_lifecycle");
        System.out.println(result.output());
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("Ran 7 tests").contains("\nOK").doesNotContain("skipped");
    }

    @Test
    @ExtendWith(RequiresCri.class)
    void nbconvertRunsTheLessonNotebookOnTheDefaultEnvironment() throws Exception {
        Path lesson = Path.of("..", "notebooks", "01-seccomp-in-kubernetes.ipynb").toAbsolutePath().normalize();
        Processes.Result result = nbconvert(lesson);
        assertThat(result.exitCode()).as(result.output()).isZero();
        String executed = Files.readString(jupyterHome.resolve("out").resolve(lesson.getFileName()));
        assertThat(executed).contains("Seccomp:\\t2", "Operation not permitted", "SCMP_ACT_ERRNO", "manifest my-seccomp")
                .doesNotContain("\"output_type\": \"error\"");
    }

    @Test
    @ExtendWith(RequiresDocker.class)
    void aFailingExpectationMakesNbconvertFail() throws Exception {
        Path notebook = Path.of("src", "test", "notebooks", "failing-expectation.ipynb").toAbsolutePath();
        Processes.Result result = nbconvert(notebook);
        assertThat(result.exitCode()).as(result.output()).isNotZero();
        assertThat(result.output()).contains("ExpectationFailed", "expected Seccomp: 2 (filter), observed Seccomp: 0 (disabled)");
    }

    private static Processes.Result python(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(JupyterTooling.PYTHON, "-Xfrozen_modules=off"));
        command.addAll(List.of(args));
        return JupyterTooling.run(command, env, PYTHON_TESTS, 900);
    }

    private static Processes.Result nbconvert(Path notebook) throws Exception {
        Map<String, String> withTestcontainersSettings = new HashMap<>(env);
        withTestcontainersSettings.put("TESTCONTAINERS_RYUK_DISABLED", "true");
        withTestcontainersSettings.put("TESTCONTAINERS_HOST_OVERRIDE", "localhost");
        return JupyterTooling.run(List.of("jupyter", "nbconvert", "--to", "notebook", "--execute",
                        "--ExecutePreprocessor.timeout=600", "--output-dir", jupyterHome.resolve("out").toString(), notebook.toString()),
                withTestcontainersSettings, Path.of("."), 900);
    }
}
