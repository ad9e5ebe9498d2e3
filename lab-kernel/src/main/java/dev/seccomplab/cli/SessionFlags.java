package dev.seccomplab.cli;

import dev.seccomplab.environments.EnvironmentChoice;
import dev.seccomplab.environments.LabEnvironment;
import dev.seccomplab.environments.Progress;
import dev.seccomplab.scenarios.LabSession;
import java.time.Duration;
import java.util.function.Function;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Where a command's pods run and how long a pod may take to start ({@code lab run}, {@code lab
 * practice}), and the session they run in: the chosen environment started, with a session on it,
 * for the length of one command. Both are taken down when the work returns or throws (a Ctrl-C is
 * the environments' own shutdown hook).
 */
final class SessionFlags {

    @Option(names = "--env", defaultValue = EnvironmentChoice.AUTO, completionCandidates = EnvironmentFlags.EnvironmentNames.class,
            description = "Where pods run: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: the most faithful one that can start "
                    + "here; 'lab doctor' says which).")
    String environment;

    @Option(names = "--pod-timeout", defaultValue = "PT2M", description = "How long to wait for a pod to run, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration podTimeout;

    @Mixin
    EnvironmentFlags environmentFlags;

    <T> T run(Progress progress, Function<LabSession, T> work) {
        EnvironmentChoice.Selection selection = EnvironmentChoice.select(environment, environmentFlags.options());
        progress.step("environment " + selection.environment().name() + ": " + selection.reason());
        try (LabEnvironment lab = selection.environment()) {
            lab.start(progress);
            try (LabSession session = new LabSession(lab, podTimeout)) {
                return work.apply(session);
            }
        }
    }
}
