package dev.seccomplab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code lab}: the Seccomp Lab command line. */
@Command(name = "lab",
        mixinStandardHelpOptions = true,
        versionProvider = LabVersion.class,
        description = "Checks, against the real kernel, how a seccomp profile named in a Pod spec is enforced.",
        subcommands = {RunCommand.class, RecordCommand.class, PracticeCommand.class, NotebooksCommand.class, ClusterCommand.class, KindCommand.class, KubectlCommand.class,
            DoctorCommand.class, DownCommand.class, KernelCommand.class})
public final class LabCommand {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new LabCommand());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler(new OneLineErrors());
        return commandLine;
    }
}
