package dev.seccomplab.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.magic.LineMagic;

/**
 * {@code %classpath}, {@code %jars} and {@code %maven}, as IJava has them. Each adds to the class
 * path of the compiler and of the cell JVM, so it acts in the kernel when the cell is read, before
 * the cell's Java is compiled, and leaves no Java behind.
 */
final class ClasspathMagic implements LineMagic<String, BaseKernel> {

    /** Where the files go: the JShell session's class path. */
    @FunctionalInterface
    interface ClassPath {
        void add(Path file);
    }

    enum Kind {
        /** Jars or class directories, relative to the notebook's directory. */
        CLASSPATH("classpath", "path"),
        /** The jars a glob matches. */
        JARS("jars", "path"),
        /** A Maven Central artifact and its runtime dependencies. */
        MAVEN("maven", "GROUP:ARTIFACT:VERSION");

        final String magic;
        private final String argument;

        Kind(String magic, String argument) {
            this.magic = magic;
            this.argument = argument;
        }
    }

    private final Kind kind;
    private final ClassPath classPath;
    private final MavenArtifacts maven;

    ClasspathMagic(Kind kind, ClassPath classPath, MavenArtifacts maven) {
        this.kind = kind;
        this.classPath = classPath;
        this.maven = maven;
    }

    @Override
    public String eval(BaseKernel kernel, List<String> args) throws CellException {
        resolve(args, Path.of("").toAbsolutePath()).forEach(classPath::add);
        return "";
    }

    /** The files the arguments name, each checked to exist, before any is added. */
    List<Path> resolve(List<String> args, Path workingDirectory) throws CellException {
        if (args.isEmpty()) {
            throw problem(args, "needs at least one " + kind.argument);
        }
        List<Path> files = new ArrayList<>();
        for (String argument : args) {
            switch (kind) {
                case CLASSPATH -> {
                    Path path = workingDirectory.resolve(argument).normalize();
                    if (!Files.exists(path)) {
                        throw problem(args, argument + ": no such file or directory (relative paths start at " + workingDirectory + ")");
                    }
                    files.add(path);
                }
                case JARS -> {
                    List<Path> matched = glob(workingDirectory, argument);
                    if (matched.isEmpty()) {
                        throw problem(args, argument + " matches no jar (relative globs start at " + workingDirectory + ")");
                    }
                    files.addAll(matched);
                }
                case MAVEN -> {
                    try {
                        files.addAll(maven.resolve(argument));
                    } catch (MavenArtifacts.ResolutionException e) {
                        throw problem(args, e.getMessage());
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

    private CellException problem(List<String> args, String what) {
        String line = "%" + kind.magic + " " + String.join(" ", args);
        return CellException.onLine("MagicError", "%" + kind.magic + ": " + what, line.strip());
    }
}
