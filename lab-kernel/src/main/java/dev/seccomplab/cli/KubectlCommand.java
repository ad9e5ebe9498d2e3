package dev.seccomplab.cli;

import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.binaries.KubernetesBinaries;
import dev.seccomplab.environments.local.LocalEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code lab kubectl ...}: the local cluster's own kubectl, on the running local cluster, with every argument passed on. */
@Command(name = "kubectl", description = "Runs the local cluster's kubectl against the running local cluster ('lab cluster up'); "
        + "every argument goes to kubectl.")
final class KubectlCommand implements Callable<Integer> {

    @Unmatched
    List<String> arguments = new ArrayList<>();

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path kubectl = KubernetesBinaries.inStateDirectory().binary("kubectl");
        if (!Files.isExecutable(kubectl)) {
            throw new LabEnvironmentException("There is no kubectl of the local cluster at " + kubectl + " yet: './lab cluster build' "
                    + "makes it.");
        }
        Path kubeconfig = LocalEnvironment.runningKubeconfig().orElseThrow(() -> new LabEnvironmentException(
                "No local cluster runs on this host. Start one with './lab cluster up' (it runs until Ctrl-C), then use "
                        + "'./lab kubectl' in another terminal."));
        List<String> command = new ArrayList<>(List.of(kubectl.toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put("KUBECONFIG", kubeconfig.toString());
        return builder.start().waitFor();
    }
}
