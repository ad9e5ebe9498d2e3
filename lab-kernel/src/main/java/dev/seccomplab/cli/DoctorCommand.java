package dev.seccomplab.cli;

import dev.seccomplab.environments.Finding;
import dev.seccomplab.environments.Readiness;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "doctor", description = "Says what this host has for the lab, and what to do about what it lacks.")
final class DoctorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--kind-version", defaultValue = EnvironmentFlags.NEWEST_KIND,
            description = "Kubernetes version of the kind node to look for (default: the newest Kindcontainer lists).")
    String kindVersion;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Finding> findings = Readiness.findings(EnvironmentFlags.kindVersion(kindVersion));
        for (Finding finding : findings) {
            out.printf("%-12s %-24s %s%n", "[" + finding.status().name().toLowerCase().replace('_', ' ') + "]",
                    finding.subject(), finding.detail());
        }
        boolean dockerReady = findings.stream()
                .filter(f -> f.subject().equals("Docker engine"))
                .anyMatch(f -> f.status() == Finding.Status.OK);
        out.println(dockerReady ? "The docker environment can run here." : "The docker environment cannot run here yet: see above.");
        return dockerReady ? 0 : 1;
    }
}
