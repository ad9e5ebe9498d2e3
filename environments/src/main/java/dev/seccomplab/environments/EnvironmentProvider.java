package dev.seccomplab.environments;

import java.util.List;
import java.util.Optional;

/**
 * One kind of environment, as {@code --env auto} and {@code lab doctor} see it. Providers are
 * found with {@link java.util.ServiceLoader}, so this package names none of them.
 */
public interface EnvironmentProvider {

    /** As on the command line: {@code cri}, {@code docker}, {@code kind}, {@code cluster}. */
    String name();

    /**
     * Rank for {@code --env auto}: lower is preferred; empty for environments auto never picks
     * (somebody else's cluster).
     */
    Optional<Integer> autoRank();

    /**
     * Empty when this environment can start here; otherwise why not, with what to do. It only
     * looks: it starts, builds and pulls nothing.
     */
    Optional<String> whyNotHere(EnvironmentOptions options);

    /** What {@code lab doctor} says about this environment. It may start a short-lived probe. */
    List<Finding> findings(EnvironmentOptions options);

    /**
     * Removes everything the lab left here, whoever started it: {@code lab down}. Returns what it
     * removed, in words; nothing where this environment is not set up on this host.
     */
    List<String> removeAll(EnvironmentOptions options, Progress progress);

    /**
     * Removes the images this provider built, which are kept as a cache otherwise: {@code lab down
     * --images}. Returns what it removed; nothing for a provider that builds none.
     */
    default List<String> removeImages(Progress progress) {
        return List.of();
    }

    /** A new, not yet started environment. */
    LabEnvironment create(EnvironmentOptions options);
}
