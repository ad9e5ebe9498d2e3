package dev.seccomplab.cli;

import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.engine.DockerEngine;
import dev.seccomplab.environments.kind.nodeimage.KindNodeImageBuild;
import dev.seccomplab.report.ElapsedProgress;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code lab kind}: the kind environment's node image, which is made here since none can be pulled. */
@Command(name = "kind", description = "The kind environment's node image: build it here.", subcommands = KindCommand.Build.class)
final class KindCommand {

    @Command(name = "build", description = "Builds the kind node image from the lab's Kubernetes binaries (./lab cluster build "
            + "makes them first) and Debian packages, with every image the node runs inside; a second build is a cache hit.")
    static final class Build implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if (!DockerEngine.isAvailable()) {
                throw new LabEnvironmentException("The kind node image is built with Docker, and no Docker engine answers. Start one "
                        + "(scripts/ensure-host.sh does), then run again.");
            }
            String image = KindNodeImageBuild.onThisHost(DockerEngine.connect()).ensure(new ElapsedProgress(out));
            out.println("kind node image: " + image);
            out.println("Run the suite on it with: ./lab run --env kind");
            out.flush();
            return 0;
        }
    }
}
