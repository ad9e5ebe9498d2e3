package dev.seccomplab.cli;

import dev.seccomplab.environments.docker.DockerEngine;
import dev.seccomplab.environments.docker.LabContainerReaper;
import dev.seccomplab.environments.image.WorkloadImage;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "down", description = "Removes every container the lab started, from any run, and optionally its image.")
final class DownCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--images", description = "Also remove " + WorkloadImage.REFERENCE + " (kept by default as a cache).")
    boolean images;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        var docker = DockerEngine.connect();
        List<String> removed = new LabContainerReaper(docker).reapAll();
        out.println(removed.isEmpty() ? "No lab containers were running." : "Removed " + String.join(", ", removed));
        if (images && WorkloadImage.presentContentSha(docker).isPresent()) {
            docker.removeImageCmd(WorkloadImage.REFERENCE).withForce(true).exec();
            out.println("Removed image " + WorkloadImage.REFERENCE);
        }
        return 0;
    }
}
