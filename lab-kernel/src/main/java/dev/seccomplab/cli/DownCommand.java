package dev.seccomplab.cli;

import dev.seccomplab.environments.EnvironmentChoice;
import dev.seccomplab.environments.engine.DockerEngine;
import dev.seccomplab.environments.image.WorkloadImage;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "down", description = "Removes everything the lab started, from any run, in every environment: containers, "
        + "its own containerds and their pods; optionally its image.")
final class DownCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    EnvironmentFlags environmentFlags;

    @Option(names = "--images", description = "Also remove " + WorkloadImage.REFERENCE + " from the Docker engine (kept by default as a cache).")
    boolean images;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<String> removed = EnvironmentChoice.removeAll(environmentFlags.options(), step -> out.println("  " + step));
        out.println(removed.isEmpty() ? "Nothing of the lab was running." : "Removed " + String.join(", ", removed));
        if (images && DockerEngine.isAvailable()) {
            var docker = DockerEngine.connect();
            if (WorkloadImage.presentContentSha(docker).isPresent()) {
                docker.removeImageCmd(WorkloadImage.REFERENCE).withForce(true).exec();
                out.println("Removed image " + WorkloadImage.REFERENCE);
            }
        }
        return 0;
    }
}
