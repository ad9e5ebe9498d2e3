package dev.seccomplab.scenarios;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Sets of scenarios: the built-in seccomp lessons (scenario files in the scenarios jar, under
 * {@code catalogue/}), or an instructor's own files. Every file of a set is read and checked
 * before anything runs.
 */
public final class ScenarioCatalogue {

    static final String INDEX = "catalogue/index.txt";
    private static final List<Scenario> BUILT_IN = loadBuiltIn();

    private final List<Scenario> scenarios;

    private ScenarioCatalogue(List<Scenario> scenarios) {
        this.scenarios = UniqueNames.require(scenarios, Scenario::name, Scenario::source, "scenario");
    }

    public static ScenarioCatalogue builtIn() {
        return new ScenarioCatalogue(BUILT_IN);
    }

    /**
     * Scenario files, and every {@code *.yaml} directly in the given directories (in name order).
     *
     * @throws ScenarioFileException for the first file that is not a valid scenario
     */
    public static ScenarioCatalogue fromFiles(List<Path> paths) {
        List<Scenario> scenarios = new ArrayList<>();
        for (Path path : paths) {
            for (Path file : scenarioFiles(path)) {
                try {
                    scenarios.add(ScenarioFile.read(Files.readString(file), new ScenarioSource.OnDisk(file)));
                } catch (IOException e) {
                    throw new ScenarioFileException(file.toString(), 0, "", "cannot be read: " + e.getMessage());
                }
            }
        }
        return new ScenarioCatalogue(scenarios);
    }

    /** This set and another, as one. */
    public ScenarioCatalogue with(ScenarioCatalogue other) {
        List<Scenario> both = new ArrayList<>(scenarios);
        both.addAll(other.scenarios);
        return new ScenarioCatalogue(both);
    }

    public List<Scenario> all() {
        return scenarios;
    }

    public List<String> names() {
        return scenarios.stream().map(Scenario::name).toList();
    }

    public Scenario named(String name) {
        return scenarios.stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new UnknownScenarioException(name, names()));
    }

    /** The named scenarios in the order given, or all of them for an empty list. */
    public List<Scenario> select(List<String> names) {
        if (names == null || names.isEmpty()) {
            return scenarios;
        }
        return names.stream().map(this::named).toList();
    }

    private static List<Path> scenarioFiles(Path path) {
        if (!Files.isDirectory(path)) {
            if (!Files.isRegularFile(path)) {
                throw new ScenarioFileException(path.toString(), 0, "", "no such file or directory");
            }
            return List.of(path);
        }
        try (Stream<Path> files = Files.list(path)) {
            List<Path> yaml = files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
            if (yaml.isEmpty()) {
                throw new ScenarioFileException(path.toString(), 0, "", "holds no *.yaml scenario file");
            }
            return yaml;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + path, e);
        }
    }

    private static List<Scenario> loadBuiltIn() {
        return ClasspathText.index(INDEX).stream()
                .map(file -> {
                    String resource = "catalogue/" + file;
                    String yaml = ScenarioSource.OnClasspath.read(resource)
                            .orElseThrow(() -> new IllegalStateException(resource + " is listed in " + INDEX + " but missing"));
                    return ScenarioFile.read(yaml, new ScenarioSource.OnClasspath(resource));
                })
                .toList();
    }
}
