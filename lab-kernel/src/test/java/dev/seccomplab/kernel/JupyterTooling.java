package dev.seccomplab.kernel;

import dev.seccomplab.environments.testing.Requirement;
import dev.seccomplab.testing.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Debian's real Jupyter (jupyter_client, nbconvert, jupyter_kernel_test) driving the built kernel.
 * Tests skip, saying why, where those packages are missing; CI sets SECCOMP_LAB_REQUIRE_JUPYTER=1
 * so that a missing package fails instead.
 */
final class JupyterTooling {

    /** Debian's interpreter: a python3 earlier on PATH may lack the Jupyter modules. */
    static final String PYTHON = "/usr/bin/python3";
    static final String PACKAGES = "jupyter-notebook jupyter-nbconvert jupyter-client python3-nbclient python3-nbformat "
            + "python3-jupyter-kernel-test";

    private JupyterTooling() {
    }

    static void assumeInstalled() throws Exception {
        boolean present = Files.isExecutable(Path.of(PYTHON))
                && run(List.of(PYTHON, "-c", "import jupyter_client, nbconvert, jupyter_kernel_test"), Map.of(), Path.of("."), 60).exitCode() == 0;
        if (present) {
            return;
        }
        Requirement.skip("SECCOMP_LAB_REQUIRE_JUPYTER", "Debian's Jupyter packages are missing: apt-get install " + PACKAGES);
    }

    /** Installs the kernelspec of the packaged jar into a private Jupyter path; returns the env that selects it. */
    static Map<String, String> privateKernelspec(Path home) throws IOException {
        Path jar = Path.of("target", "lab.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: it is built by 'mvn package', before the integration tests run");
        }
        Path dataDir = home.resolve("share").resolve("jupyter");
        KernelSpec.install(dataDir, Optional.empty(), jar, step -> { });
        return Map.of("JUPYTER_PATH", dataDir.toString(), "JUPYTER_RUNTIME_DIR", home.resolve("runtime").toString(),
                "PYDEVD_DISABLE_FILE_VALIDATION", "1");
    }

    static Processes.Result run(List<String> command, Map<String, String> env, Path directory, long timeoutSeconds) throws Exception {
        return Processes.run(command, env, directory, timeoutSeconds);
    }
}
