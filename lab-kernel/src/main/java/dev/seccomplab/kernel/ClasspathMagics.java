package dev.seccomplab.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code %classpath}, {@code %jars} and {@code %maven}, as IJava has them: each adds to the class
 * path of the compiler and of the cell JVM, so they are carried out in the kernel before the
 * cell's Java is compiled.
 */
final class ClasspathMagics {

    /** One such magic line: its name and its arguments. */
    record Request(String magic, List<String> arguments) {
    }

    private ClasspathMagics() {
    }

    /** The request a line makes, if it is one of these magics. */
    static Optional<Request> request(String line) {
        List<String> words = List.of(line.strip().substring(1).strip().split("\\s+"));
        return switch (words.get(0)) {
            case "classpath", "jars", "maven" -> Optional.of(new Request(words.get(0), words.subList(1, words.size())));
            default -> Optional.empty();
        };
    }

    /** Every such request of a cell, in order. */
    static List<Request> requests(String cell) {
        return cell.lines().map(String::strip).filter(line -> line.startsWith("%") && !line.startsWith("%%"))
                .flatMap(line -> request(line).stream()).toList();
    }

    /** The files a request adds, checked to exist. */
    static List<Path> resolve(Request request, Path workingDirectory, MavenArtifacts maven) throws CellException {
        if (request.arguments().isEmpty()) {
            throw problem(request, "needs at least one " + (request.magic().equals("maven") ? "GROUP:ARTIFACT:VERSION" : "path"));
        }
        List<Path> files = new ArrayList<>();
        for (String argument : request.arguments()) {
            switch (request.magic()) {
                case "classpath" -> {
                    Path path = workingDirectory.resolve(argument).normalize();
                    if (!Files.exists(path)) {
                        throw problem(request, argument + ": no such file or directory (relative paths start at "
                                + workingDirectory + ")");
                    }
                    files.add(path);
                }
                case "jars" -> {
                    List<Path> matched = glob(workingDirectory, argument);
                    if (matched.isEmpty()) {
                        throw problem(request, argument + " matches no jar (relative globs start at " + workingDirectory + ")");
                    }
                    files.addAll(matched);
                }
                default -> {
                    try {
                        files.addAll(maven.resolve(argument));
                    } catch (MavenArtifacts.ResolutionException e) {
                        throw problem(request, e.getMessage());
                    }
                }
            }
        }
        return files;
    }

    private static List<Path> glob(Path workingDirectory, String pattern) {
        Path absolute = workingDirectory.resolve(pattern).normalize();
        Path base = absolute;
        while (base.getParent() != null && base.toString().matches(".*[*?\\[{].*")) {
            base = base.getParent();
        }
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + absolute);
        try (Stream<Path> files = Files.walk(base)) {
            return files.filter(matcher::matches).filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + base, e);
        }
    }

    private static CellException problem(Request request, String what) {
        String line = "%" + request.magic() + " " + String.join(" ", request.arguments());
        return new CellException("MagicError", "%" + request.magic() + ": " + what, List.of(line.strip()));
    }
}
