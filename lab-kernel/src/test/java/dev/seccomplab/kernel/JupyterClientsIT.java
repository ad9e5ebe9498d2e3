package dev.seccomplab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seccomplab.environments.testing.RequiresCri;
import dev.seccomplab.testing.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The kernel under real Jupyter clients from Debian: the conformance suite, lifecycle tests, and nbconvert. */
class JupyterClientsIT {

    private static final Path PYTHON_TESTS = Path.of("src", "test", "python").toAbsolutePath();
    private static final Path COURSE = Path.of("..", "notebooks").toAbsolutePath().normalize();

    @TempDir
    static Path jupyterHome;
    private static Map<String, String> env;

    @BeforeAll
    static void installKernelspec() throws Exception {
        JupyterTooling.assumeInstalled();
        env = JupyterTooling.privateKernelspec(jupyterHome);
    }

    /** Notebook 6 loads kernel.js from the kernelspec it lists; scripts/screenshots.py shows the highlighting it gives. */
    @Test
    void theKernelspecCarriesNotebookSixsMagicHighlighting() throws Exception {
        Path kernelJs = jupyterHome.resolve("share/jupyter/kernels").resolve(KernelSpec.DIRECTORY_NAME).resolve("kernel.js");
        Processes.Result listed = JupyterTooling.run(List.of("jupyter", "kernelspec", "list", "--json"), env, jupyterHome, 60);
        assertThat(listed.output()).contains(kernelJs.getParent().toString());
        assertThat(Files.readString(kernelJs)).contains("defineMode(MODE", "\"seccomp-lab-java\"", "\"text/x-java\"", "onload");
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
    void answersProtocolPointsAndCleansUpWhenKilled() throws Exception {
        Processes.Result result = python("-m", "unittest", "-v", "test_protocol");
        System.out.println(result.output());
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("Ran 8 tests").contains("\nOK");
        if ("1".equals(System.getenv("SECCOMP_LAB_REQUIRE_CRI"))) {
            assertThat(result.output()).doesNotContain("skipped");
        }
    }

    /** The course through real Jupyter: nbconvert --execute, with the installed kernel, on the default environment. */
    @Test
    @ExtendWith(RequiresCri.class)
    void nbconvertRunsEveryLessonOfTheCourse() throws Exception {
        List<Path> lessons;
        try (Stream<Path> files = Files.list(COURSE)) {
            lessons = files.filter(f -> f.toString().endsWith(".ipynb")).sorted().toList();
        }
        assertThat(lessons).hasSizeGreaterThanOrEqualTo(8);
        for (Path lesson : lessons) {
            Processes.Result result = nbconvert(lesson);
            assertThat(result.exitCode()).as(lesson + "\n" + result.output()).isZero();
            String executed = Files.readString(jupyterHome.resolve("out").resolve(lesson.getFileName()));
            assertThat(executed).as(lesson.toString()).doesNotContain("\"output_type\": \"error\"");
        }
        assertThat(Files.readString(jupyterHome.resolve("out").resolve("00-the-chain.ipynb")))
                .contains("image/svg+xml", "killed by SIGSYS (Bad system call, exit 159)");
    }

    @Test
    @ExtendWith(RequiresCri.class)
    void aFailingExpectationMakesNbconvertFail() throws Exception {
        Path notebook = Path.of("src", "test", "notebooks", "failing-expectation.ipynb").toAbsolutePath();
        Processes.Result result = nbconvert(notebook);
        assertThat(result.exitCode()).as(result.output()).isNotZero();
        assertThat(result.output()).contains("ExpectationFailed", "expected Seccomp: 2 (filter), observed Seccomp: 0 (disabled)");
    }

    /** Committed without outputs, and valid nbformat 4 by Debian's own nbformat package. */
    @Test
    void theCourseNotebooksAreValidAndCommittedWithoutOutputs() throws Exception {
        Processes.Result result = JupyterTooling.run(List.of(JupyterTooling.PYTHON, "-c", String.join("\n",
                "import glob, sys, nbformat",
                "for path in sorted(glob.glob(sys.argv[1] + '/*.ipynb')):",
                "    nb = nbformat.read(path, as_version=nbformat.NO_CONVERT)",
                "    assert nb.nbformat == 4, path",
                "    nbformat.validate(nb)",
                "    for cell in nb.cells:",
                "        if cell.cell_type == 'code':",
                "            assert not cell.outputs and cell.execution_count is None, path + ' has outputs'",
                "    print('valid, no outputs:', path)"), COURSE.toString()), Map.of(), Path.of("."), 120);
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output().lines().filter(line -> line.startsWith("valid, no outputs:"))).hasSizeGreaterThanOrEqualTo(8);
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
