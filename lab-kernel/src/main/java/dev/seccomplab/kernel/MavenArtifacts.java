package dev.seccomplab.kernel;

import java.nio.file.Path;
import java.util.List;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;

/**
 * Artifacts from Maven Central and their runtime dependencies, resolved by Maven's own resolver
 * into the user's local repository ({@code ~/.m2/repository}), as {@code %maven} in IJava does.
 */
final class MavenArtifacts {

    static final RemoteRepository CENTRAL =
            new RemoteRepository.Builder("central", "default", "https://repo.maven.apache.org/maven2/").build();

    /** Why an artifact could not be had, in one line. */
    static final class ResolutionException extends Exception {
        ResolutionException(String message) {
            super(message);
        }
    }

    private final Path localRepository;
    private RepositorySystem system;

    MavenArtifacts(Path localRepository) {
        this.localRepository = localRepository;
    }

    static MavenArtifacts inUsersLocalRepository() {
        return new MavenArtifacts(Path.of(System.getProperty("user.home"), ".m2", "repository"));
    }

    /** The artifact's jar and the jars it needs at run time, downloading what the local repository lacks. */
    synchronized List<Path> resolve(String coordinates) throws ResolutionException {
        DefaultArtifact artifact;
        try {
            artifact = new DefaultArtifact(coordinates);
        } catch (IllegalArgumentException e) {
            throw new ResolutionException("'" + coordinates + "' is not GROUP:ARTIFACT:VERSION (e.g. com.google.guava:guava:33.4.8-jre)");
        }
        if (system == null) {
            system = new RepositorySystemSupplier().get();
        }
        try (RepositorySystemSession.CloseableSession session = new SessionBuilderSupplier(system).get()
                .withLocalRepositoryBaseDirectories(localRepository).build()) {
            CollectRequest collect = new CollectRequest(new Dependency(artifact, "runtime"), List.of(CENTRAL));
            return system.resolveDependencies(session, new DependencyRequest(collect, null)).getArtifactResults().stream()
                    .map(ArtifactResult::getArtifact).map(resolved -> resolved.getPath()).toList();
        } catch (DependencyResolutionException e) {
            throw new ResolutionException(coordinates + " could not be resolved from Maven Central: " + rootCause(e));
        }
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
