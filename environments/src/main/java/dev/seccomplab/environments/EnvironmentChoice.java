package dev.seccomplab.environments;

import dev.seccomplab.environments.docker.DockerEnvironment;
import java.nio.file.Path;

/** The environments a user can ask for by name, and how {@code auto} picks one. */
public enum EnvironmentChoice {
    AUTO, DOCKER;

    /** A chosen environment, with the reason it was chosen, to print before a run. */
    public record Selection(LabEnvironment environment, String reason) {
    }

    public Selection select(Path localhostProfileRoot) {
        return switch (this) {
            case DOCKER -> new Selection(new DockerEnvironment(localhostProfileRoot), "asked for with --env docker");
            case AUTO -> new Selection(new DockerEnvironment(localhostProfileRoot),
                    "auto: docker is the only environment this version of the lab has");
        };
    }
}
