package dev.seccomplab.cli;

import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.Manifests;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Errors the user can act on (a bad scenario name, a broken manifest, a missing engine) print as
 * one line naming the cause; anything else keeps its stack trace, since it is a lab bug.
 */
final class OneLineErrors implements IExecutionExceptionHandler {

    static final int USAGE = 2;
    static final int ENVIRONMENT = 4;

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) throws Exception {
        if (e instanceof IllegalArgumentException || e instanceof Manifests.ManifestException) {
            commandLine.getErr().println("lab: " + e.getMessage());
            return USAGE;
        }
        if (e instanceof LabEnvironmentException) {
            commandLine.getErr().println("lab: " + e.getMessage());
            return ENVIRONMENT;
        }
        throw e;
    }
}
