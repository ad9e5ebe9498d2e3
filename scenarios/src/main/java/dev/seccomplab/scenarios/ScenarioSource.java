package dev.seccomplab.scenarios;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** Where a lesson file (a scenario, a practice task) lives, so that the paths it names (a manifest, a profile) are read beside it. */
public sealed interface ScenarioSource {

    /** The file's name as errors and reports show it. */
    String name();

    /** A file the scenario names, relative to the scenario file; empty when there is none. */
    Optional<String> readRelative(String relative);

    record OnDisk(Path file) implements ScenarioSource {

        @Override
        public String name() {
            return file.toString();
        }

        @Override
        public Optional<String> readRelative(String relative) {
            Path target = file.toAbsolutePath().getParent().resolve(relative);
            try {
                return Optional.of(Files.readString(target));
            } catch (NoSuchFileException e) {
                return Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + target, e);
            }
        }
    }

    /** The built-in catalogue, inside the scenarios jar. */
    record OnClasspath(String resource) implements ScenarioSource {

        @Override
        public String name() {
            return resource;
        }

        @Override
        public Optional<String> readRelative(String relative) {
            String base = resource.contains("/") ? resource.substring(0, resource.lastIndexOf('/') + 1) : "";
            return read(base + relative);
        }

        static Optional<String> read(String resource) {
            return ClasspathText.read(resource);
        }
    }
}
