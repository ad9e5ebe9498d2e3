package dev.seccomplab.cli;

import dev.seccomplab.environments.KubeletSettings;
import dev.seccomplab.environments.binaries.KubernetesBinaries;
import dev.seccomplab.environments.local.LocalEnvironment;
import dev.seccomplab.report.ElapsedProgress;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code lab cluster}: the local environment's upstream Kubernetes, for people who want to work on it by hand. */
@Command(name = "cluster", description = "The local environment's Kubernetes: build it, run it for kubectl, restart its kubelet.",
        subcommands = {ClusterCommand.Build.class, ClusterCommand.Up.class, ClusterCommand.RestartKubelet.class})
final class ClusterCommand {

    @Command(name = "build", description = "Downloads the Kubernetes release (checksums verified), or builds it from source with "
            + "Go where no release can be reached; a second build is a cache hit.")
    static final class Build implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            KubernetesBinaries binaries = KubernetesBinaries.inStateDirectory();
            KubernetesBinaries.Manifest manifest = binaries.ensure(new ElapsedProgress(out));
            out.println("Kubernetes " + manifest.kubernetesVersion() + " and etcd " + manifest.etcdVersion() + ": "
                    + binaries.directory().resolve("bin") + " (" + manifest.source() + "; build log: " + binaries.buildLog() + ")");
            out.println("Run the suite on it with: ./lab run --env local");
            out.flush();
            return 0;
        }
    }

    @Command(name = "up", description = "Starts the local cluster and keeps it until Ctrl-C, for kubectl and for the other lab "
            + "commands, which use it while it runs.")
    static final class Up implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        EnvironmentFlags environmentFlags;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (LocalEnvironment local = new LocalEnvironment(KubernetesBinaries.inStateDirectory(),
                    environmentFlags.options().localhostProfileRoot())) {
                local.start(new ElapsedProgress(out));
                if (!local.ownsTheCluster()) {
                    out.println("A local cluster runs already: " + local.description() + ". Nothing to start.");
                    out.flush();
                    return 0;
                }
                out.println();
                out.println("The local cluster runs. In another terminal:");
                out.println("  ./lab kubectl get nodes");
                out.println("or, for kubectl itself:");
                out.println("  export KUBECONFIG=" + local.kubeconfig() + " PATH=" + KubernetesBinaries.inStateDirectory()
                        .binary("kubectl").getParent() + ":$PATH");
                out.println("The kubelet reads " + local.kubeletConfig() + "; after editing it: ./lab cluster restart-kubelet");
                out.println("Ctrl-C stops the cluster and removes everything it made.");
                out.flush();
                String ended = local.awaitUnexpectedExit();
                out.println(ended + " ended by itself (or 'lab down' stopped it); the cluster is taken down.");
                out.flush();
                return OneLineErrors.ENVIRONMENT;
            }
        }
    }

    @Command(name = "restart-kubelet", description = "Restarts the running local cluster's kubelet, as 'systemctl restart kubelet' "
            + "does on a node, waits until it is back, and says what it serves then.")
    static final class RestartKubelet implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (LocalEnvironment local = LocalEnvironment.running()) {
                ElapsedProgress progress = new ElapsedProgress(out);
                local.start(progress);
                KubeletSettings settings = local.restartKubelet(progress);
                out.println("The kubelet reads " + local.kubeletConfig() + " and serves seccompDefault: " + settings.seccompDefault()
                        + " (" + settings.source() + ").");
                out.flush();
                return 0;
            }
        }
    }
}
