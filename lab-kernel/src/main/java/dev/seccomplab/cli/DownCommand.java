package dev.seccomplab.cli;

import dev.seccomplab.environments.EnvironmentChoice;
import dev.seccomplab.environments.Progress;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "down", description = "Removes everything the lab started, from any run, in every environment: containers, "
        + "its own containerds, clusters and their pods; optionally the images it built.")
final class DownCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    EnvironmentFlags environmentFlags;

    @Option(names = "--images", description = "Also remove the images the lab built (the workload image, kind's node image and "
            + "its bases), kept by default as a cache.")
    boolean images;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Progress progress = step -> out.println("  " + step);
        List<String> removed = new ArrayList<>(EnvironmentChoice.removeAll(environmentFlags.options(), progress));
        if (images) {
            removed.addAll(EnvironmentChoice.removeImages(progress));
        }
        out.println(removed.isEmpty() ? "Nothing of the lab was running." : "Removed " + String.join(", ", removed));
        return 0;
    }
}
