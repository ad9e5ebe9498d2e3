package dev.seccomplab.scenarios;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Text files shipped in the scenarios jar: the built-in catalogue and the practice tasks. */
public final class ClasspathText {

    private ClasspathText() {
    }

    public static Optional<String> read(String resource) {
        try (InputStream in = ClasspathText.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    /** A file the jar must hold: its absence is a packaging bug, not a user's mistake. */
    public static String require(String resource) {
        return read(resource).orElseThrow(() -> new IllegalStateException(resource + " is missing from the scenarios jar"));
    }

    /** The entries of an index file in the jar: one per line, in order; blank lines and {@code #} comments left out. */
    public static List<String> index(String resource) {
        return require(resource).lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }
}
