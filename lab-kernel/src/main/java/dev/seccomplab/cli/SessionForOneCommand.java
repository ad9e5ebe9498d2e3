package dev.seccomplab.cli;

import dev.seccomplab.environments.EnvironmentChoice;
import dev.seccomplab.environments.EnvironmentOptions;
import dev.seccomplab.environments.LabEnvironment;
import dev.seccomplab.environments.Progress;
import dev.seccomplab.scenarios.LabSession;
import java.time.Duration;
import java.util.function.Function;

/**
 * The chosen environment started, with a session on it, for the length of one command: both are
 * taken down when the work returns or throws (a Ctrl-C is the environments' own shutdown hook).
 */
final class SessionForOneCommand {

    private SessionForOneCommand() {
    }

    static <T> T run(String environment, EnvironmentOptions options, Duration podTimeout, Progress progress,
                     Function<LabSession, T> work) {
        EnvironmentChoice.Selection selection = EnvironmentChoice.select(environment, options);
        progress.step("environment " + selection.environment().name() + ": " + selection.reason());
        try (LabEnvironment lab = selection.environment()) {
            lab.start(progress);
            try (LabSession session = new LabSession(lab, podTimeout)) {
                return work.apply(session);
            }
        }
    }
}
