package dev.seccomplab.scenarios;

import dev.seccomplab.environments.Manifests;
import dev.seccomplab.scenarios.checks.Check;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One lesson: a Deployment to apply, the node setting it needs, and the outcomes to expect. The
 * JUnit suites, the CLI and the notebooks all use these objects, so each expectation is written once.
 *
 * @param name short id used on the command line, e.g. {@code runtime-default}
 * @param lesson one sentence on what the scenario shows
 * @param manifest classpath resource under {@code manifests/}
 * @param nodeSeccompDefault the kubelet {@code seccompDefault} the scenario needs
 */
public record Scenario(String name, String lesson, String manifest, boolean nodeSeccompDefault, List<Check> checks) {

    public Scenario {
        checks = List.copyOf(checks);
    }

    /** The manifest's YAML, as a trainee would read or apply it with kubectl. */
    public String manifestYaml() {
        String resource = "manifests/" + manifest;
        try (InputStream in = Scenario.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new Manifests.ManifestException(resource, "is missing from the scenarios jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    public Deployment deployment() {
        return Manifests.parseDeployment(manifestYaml(), "manifests/" + manifest);
    }
}
