package dev.seccomplab.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** The {@code lab} command run in this JVM, as a test reads it: its exit code, and what it printed to both streams. */
record LabCli(int exit, String text) {

    static LabCli run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine commandLine = LabCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(out, true));
        return new LabCli(commandLine.execute(args), out.toString());
    }
}
