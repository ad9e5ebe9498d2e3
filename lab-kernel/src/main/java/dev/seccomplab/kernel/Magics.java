package dev.seccomplab.kernel;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The lab's magics, turned into plain Java on the {@code lab} object before the cell runs, so a
 * magic does exactly what the same call written by hand does.
 *
 * <pre>
 * %env [auto|cri|docker|kind|cluster] choose where pods run; with no name, start it and say what it is
 * %scenario NAME                    run a whole scenario and show its table
 * %expect NAME                      check a scenario's expected outcomes on its pod
 * %pods                             list the pods this notebook started
 * %profile NAME [SYSCALL]           show the runtime's profile (and whether SYSCALL is allowed)
 * %scenarios                        list the scenarios
 * %%manifest                        apply the rest of the cell as a Deployment
 * %classpath PATH...                add jars or class directories, as in IJava
 * %jars GLOB...                     add the jars a glob matches, e.g. lib/*.jar
 * %maven GROUP:ARTIFACT:VERSION...  add an artifact from Maven Central and what it depends on
 * </pre>
 *
 * The last three change what the compiler sees, so they act in the kernel ({@link ClasspathMagics});
 * here their lines are taken out of the Java.
 */
final class Magics {

    private static final Map<String, Function<List<String>, String>> LINE_MAGICS = Map.of(
            "env", args -> args.isEmpty() ? call("environment", args, 0) : call("use", args, 1),
            "scenario", args -> call("run", args, 1),
            "expect", args -> call("expect", args, 1),
            "pods", args -> call("pods", args, 0),
            "scenarios", args -> call("scenarios", args, 0),
            "profile", args -> args.size() == 2 ? call("allows", args, 2) : call("profile", args, 1));

    private Magics() {
    }

    /** The cell as Java: magic lines rewritten, everything else untouched. */
    static String toJava(String cell) throws CellException {
        String trimmed = cell.stripLeading();
        if (trimmed.startsWith("%%")) {
            int lineEnd = trimmed.indexOf('\n');
            String magic = (lineEnd < 0 ? trimmed : trimmed.substring(0, lineEnd)).substring(2).strip();
            String body = lineEnd < 0 ? "" : trimmed.substring(lineEnd + 1);
            if (!magic.equals("manifest")) {
                throw unknown("%%" + magic);
            }
            return "{ lab.applyYaml(" + javaString(body) + "); }";
        }
        StringBuilder java = new StringBuilder();
        for (String line : cell.split("\n", -1)) {
            String stripped = line.strip();
            boolean magic = stripped.startsWith("%");
            java.append(!magic ? line : ClasspathMagics.request(stripped).isPresent() ? "" : lineMagic(stripped)).append('\n');
        }
        return java.substring(0, java.length() - 1);
    }

    private static String lineMagic(String line) throws CellException {
        List<String> words = List.of(line.substring(1).strip().split("\\s+"));
        Function<List<String>, String> magic = LINE_MAGICS.get(words.get(0));
        if (magic == null) {
            throw unknown("%" + words.get(0));
        }
        try {
            return magic.apply(words.subList(1, words.size()));
        } catch (IllegalArgumentException e) {
            throw new CellException("MagicError", "%" + words.get(0) + " " + e.getMessage(), List.of(line));
        }
    }

    private static String call(String method, List<String> args, int expected) {
        if (args.size() != expected) {
            throw new IllegalArgumentException("takes " + expected + " argument" + (expected == 1 ? "" : "s") + ", got " + args.size());
        }
        // A block, so that a magic shows what it displays and no return value besides.
        return "{ lab." + method + "(" + String.join(", ", args.stream().map(Magics::javaString).toList()) + "); }";
    }

    static String javaString(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> quoted.append("\\\\");
                case '"' -> quoted.append("\\\"");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    private static CellException unknown(String magic) {
        return new CellException("UnknownMagic", magic + " is not a lab magic; the magics are %env, %scenario, %expect, "
                + "%pods, %profile, %scenarios, %classpath, %jars, %maven and %%manifest", List.of(magic));
    }
}
