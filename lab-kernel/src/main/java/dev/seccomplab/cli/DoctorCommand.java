package dev.seccomplab.cli;

import dev.seccomplab.environments.EnumWords;
import dev.seccomplab.environments.EnvironmentChoice;
import dev.seccomplab.environments.EnvironmentOptions;
import dev.seccomplab.environments.Finding;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "doctor", description = "Says what this host has for each environment, what it lacks and how to get it, "
        + "and which one 'lab run' would pick.")
final class DoctorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    EnvironmentFlags environmentFlags;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        EnvironmentOptions options = environmentFlags.options();
        for (Finding finding : EnvironmentChoice.findings(options)) {
            out.printf("%-12s %-24s %s%n", "[" + EnumWords.of(finding.status()) + "]",
                    finding.subject(), finding.detail());
        }
        Optional<EnvironmentChoice.AutoPick> pick = EnvironmentChoice.autoPick(options);
        out.println(pick.map(p -> "'lab run' would use " + p.reason().replaceFirst("^auto: ", ""))
                .orElse("No environment can run here yet: see above."));
        return pick.isPresent() ? 0 : 1;
    }
}
