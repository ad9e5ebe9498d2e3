package dev.seccomplab.cli;

import dev.seccomplab.environments.host.HostCommand;
import dev.seccomplab.kernel.KernelProcess;
import dev.seccomplab.kernel.KernelSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "kernel", description = "The Jupyter kernel: install its kernelspec, or run it (Jupyter does that).",
        subcommands = {KernelCommand.Install.class, KernelCommand.Run.class, KernelCommand.Train.class})
final class KernelCommand {

    @Command(name = "install", description = "Writes the seccomp-lab kernelspec so that Jupyter lists the kernel.")
    static final class Install implements java.util.concurrent.Callable<Integer> {

        @Spec
        CommandSpec spec;

        @ArgGroup(exclusive = true)
        Where where;

        static final class Where {
            @Option(names = "--user", description = "For this user: ~/.local/share/jupyter (the default).")
            boolean user;

            @Option(names = "--sys-prefix", description = "In the prefix of the Python that runs 'jupyter'.")
            boolean sysPrefix;

            @Option(names = "--prefix", paramLabel = "DIR", description = "Under DIR/share/jupyter.")
            Path prefix;
        }

        @Option(names = "--java", paramLabel = "JDK", description = "The JDK (its directory) that runs the kernel. "
                + "Default: the newest JDK 25 or later in JAVA_HOME or /usr/lib/jvm, for its AOT cache; else this one.")
        Path jdk;

        @Override
        public Integer call() throws Exception {
            Path dataDir = where == null || where.user
                    ? Path.of(System.getProperty("user.home"), ".local", "share", "jupyter")
                    : where.prefix != null ? where.prefix.resolve("share").resolve("jupyter")
                    : jupyterSysPrefix().resolve("share").resolve("jupyter");
            PrintWriter out = spec.commandLine().getOut();
            KernelSpec.Installed installed = KernelSpec.install(dataDir, Optional.ofNullable(jdk), labJar(), step -> {
                out.println("[kernel install] " + step);
                out.flush();
            });
            KernelSpec.Training training = installed.training();
            out.println("Installed the seccomp-lab kernelspec in " + installed.dir());
            out.println("The kernel runs on " + installed.jvm() + ", " + (training.succeeded()
                    ? "starting from its " + training.cache() + " (trained in " + seconds(training.took()) + ")."
                    : "without a start-up cache: training it failed (" + training.problem() + "); the kernel works, but starts slower."));
            out.println("Check with: jupyter kernelspec list");
            return 0;
        }

        private static String seconds(Duration took) {
            return String.format(java.util.Locale.ROOT, "%.1f s", took.toMillis() / 1000.0);
        }

        private static Path labJar() throws URISyntaxException {
            Path location = Path.of(KernelCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!location.toString().endsWith(".jar")) {
                throw new IllegalArgumentException("the kernel runs from the built jar: run 'mvn -DskipTests install' and use ./lab");
            }
            return location.toAbsolutePath();
        }

        /** sys.prefix of the Python interpreter named in the 'jupyter' script's first line. */
        private static Path jupyterSysPrefix() throws IOException {
            Path jupyter = null;
            for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                if (Files.isExecutable(Path.of(dir, "jupyter"))) {
                    jupyter = Path.of(dir, "jupyter");
                    break;
                }
            }
            if (jupyter == null) {
                throw new IllegalArgumentException("--sys-prefix needs 'jupyter' on PATH (Debian: apt-get install jupyter-notebook)");
            }
            String shebang = Files.readAllLines(jupyter, StandardCharsets.UTF_8).get(0);
            String python = shebang.replaceFirst("^#!\\s*", "").split("\\s+")[0];
            HostCommand.Result asked = HostCommand.of(python, "-c", "import sys; print(sys.prefix)").timeout(Duration.ofSeconds(30)).run();
            if (!asked.succeeded()) {
                throw new IllegalArgumentException("cannot ask " + python + " for sys.prefix: " + asked.output().strip());
            }
            return Path.of(asked.output().strip());
        }
    }

    @Command(name = "train", hidden = true, description = "Loads the kernel's classes once, for its class-data-sharing archive.")
    static final class Train implements java.util.concurrent.Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            KernelProcess.train();
            return 0;
        }
    }

    @Command(name = "run", description = "Runs the kernel on a Jupyter connection file (Jupyter starts it this way).")
    static final class Run implements java.util.concurrent.Callable<Integer> {

        @Parameters(paramLabel = "CONNECTION_FILE")
        Path connectionFile;

        @Override
        public Integer call() throws Exception {
            String version = LabVersion.class.getPackage().getImplementationVersion();
            KernelProcess.serve(connectionFile, version == null ? "dev" : version);
            return 0;
        }
    }
}
