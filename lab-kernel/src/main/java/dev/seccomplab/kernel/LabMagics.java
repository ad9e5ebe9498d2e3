package dev.seccomplab.kernel;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;
import org.dflib.jjava.jupyter.kernel.magic.MagicTranspiler;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.magic.ParsedCellMagic;
import org.dflib.jjava.jupyter.kernel.magic.ParsedLineMagic;
import org.dflib.jjava.jupyter.kernel.magic.UndefinedMagicException;

/**
 * The lab's magics, each a class registered by name in JJava's {@link MagicsRegistry}, found in a
 * cell by JJava's {@link MagicParser} (which also reads quoted arguments: {@code %expect "a b"}).
 *
 * <pre>
 * %env [auto|cri|docker|kind|cluster] choose where pods run; with no name, start it and say what it is
 * %scenario NAME                    run a whole scenario and show its table
 * %expect NAME                      check a scenario's expected outcomes on its pod
 * %pods                             list the pods this notebook started
 * %profile NAME [SYSCALL]           show the runtime's profile (and whether SYSCALL is allowed)
 * %scenarios                        list the scenarios
 * %classpath PATH...                add jars or class directories, as in IJava
 * %jars GLOB...                     add the jars a glob matches, e.g. lib/*.jar
 * %maven GROUP:ARTIFACT:VERSION...  add an artifact from Maven Central and what it depends on
 * %lsmagic                          list the magics
 * %%manifest                        apply the rest of the cell as a Deployment
 * </pre>
 *
 * JJava's own kernel runs a magic from the cell's Java, in its one JVM. Here cells run in a second
 * JVM, so a magic runs when the cell is read, in the kernel, and gives back the Java that stands in
 * its place: a call on {@code lab}, or nothing for the class-path magics, which act there and then.
 * The kernel object is not needed by any of them, so they are called with none.
 */
final class LabMagics {

    /** A magic's line: at the start of a line, after any indentation; never inside an expression such as {@code x % 2}. */
    private static final String LINE_MAGIC_START = "^[ \\t]*%";
    private static final String CELL_MAGIC_START = "%%";

    private final MagicsRegistry registry = new MagicsRegistry();
    private final MagicParser parser = new MagicParser(LINE_MAGIC_START, CELL_MAGIC_START, new LabTranspiler());

    LabMagics(ClasspathMagic.ClassPath classPath, MavenArtifacts maven) {
        registry.registerLineMagic("env", new LabCallMagic(Map.of(0, "environment", 1, "use")));
        registry.registerLineMagic("scenario", new LabCallMagic(Map.of(1, "run")));
        registry.registerLineMagic("expect", new LabCallMagic(Map.of(1, "expect")));
        registry.registerLineMagic("pods", new LabCallMagic(Map.of(0, "pods")));
        registry.registerLineMagic("profile", new LabCallMagic(Map.of(1, "profile", 2, "allows")));
        registry.registerLineMagic("scenarios", new LabCallMagic(Map.of(0, "scenarios")));
        for (ClasspathMagic.Kind kind : ClasspathMagic.Kind.values()) {
            registry.registerLineMagic(kind.magic, new ClasspathMagic(kind, classPath, maven));
        }
        registry.registerLineMagic("lsmagic", new LsMagic(registry));
        registry.registerCellMagic("manifest", new ManifestMagic());
    }

    MagicsRegistry registry() {
        return registry;
    }

    /** The cell as Java: each magic carried out, or replaced by its Java; every other line untouched. */
    String toJava(String cell) throws CellException {
        String java;
        try {
            java = parser.resolveMagics(cell);
        } catch (MagicFailed failed) {
            throw failed.error;
        }
        if (java.stripLeading().startsWith(CELL_MAGIC_START)) {
            String line = java.stripLeading().lines().findFirst().orElse("").strip();
            throw CellException.onLine("MagicError", line + " must be the cell's first line, with its body on the lines below it", line);
        }
        return java;
    }

    /** Magic names for the word being typed at the start of a line: {@code %ex} completes to {@code %expect}. */
    Optional<ReplacementOptions> complete(String code, int at) {
        int lineStart = code.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
        String typed = code.substring(lineStart, at).stripLeading();
        boolean cell = typed.startsWith(CELL_MAGIC_START) && lineStart == 0;
        String prefix = cell ? CELL_MAGIC_START : "%";
        if (!typed.startsWith("%") || !typed.substring(prefix.length()).chars().allMatch(Character::isLetterOrDigit)) {
            return Optional.empty();
        }
        String partial = typed.substring(prefix.length());
        Stream<String> names = (cell ? registry.getCellMagicNames() : registry.getLineMagicNames()).stream();
        List<String> matches = names.filter(name -> name.startsWith(partial)).sorted().map(name -> prefix + name).toList();
        return Optional.of(new ReplacementOptions(matches, at - typed.length(), at));
    }

    private final class LabTranspiler extends MagicTranspiler {

        @Override
        public String transpileLine(ParsedLineMagic magic) {
            String name = magic.magicCall.name;
            return carriedOut("%" + name, magic.raw.strip(), () -> registry.evalLineMagic(null, name, magic.magicCall.args));
        }

        @Override
        public String transpileCell(ParsedCellMagic magic) {
            String name = magic.magicCall.name;
            return carriedOut("%%" + name, magic.rawArgsLine.strip(),
                    () -> registry.evalCellMagic(null, name, magic.magicCall.args, magic.magicCall.body));
        }

        private String carriedOut(String magic, String line, MagicCall call) {
            try {
                return call.run();
            } catch (UndefinedMagicException e) {
                throw new MagicFailed(CellException.onLine("UnknownMagic", magic + " is not a lab magic; the magics are "
                        + LsMagic.inOneLine(registry), line));
            } catch (CellException e) {
                throw new MagicFailed(e);
            } catch (IllegalArgumentException e) {
                throw new MagicFailed(CellException.onLine("MagicError", magic + " " + e.getMessage(), line));
            } catch (Exception e) {
                throw new MagicFailed(CellException.onLine("MagicError", magic + " failed: " + e, line));
            }
        }
    }

    @FunctionalInterface
    private interface MagicCall {
        String run() throws Exception;
    }

    /** Carries a magic's error out through JJava's parser, which takes no checked exceptions. */
    private static final class MagicFailed extends RuntimeException {
        private final CellException error;

        MagicFailed(CellException error) {
            super(error.getMessage(), error, false, false);
            this.error = error;
        }
    }
}
