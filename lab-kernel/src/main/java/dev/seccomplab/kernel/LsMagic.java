package dev.seccomplab.kernel;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.magic.LineMagic;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;

/** {@code %lsmagic}, as in IPython: the magics the registry holds, line magics then cell magics. */
final class LsMagic implements LineMagic<String, BaseKernel> {

    private final MagicsRegistry registry;

    LsMagic(MagicsRegistry registry) {
        this.registry = registry;
    }

    @Override
    public String eval(BaseKernel kernel, List<String> args) {
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("takes no arguments, got " + args.size());
        }
        return "{ System.out.print(" + JavaLiteral.of(listing(registry)) + "); }";
    }

    static String listing(MagicsRegistry registry) {
        return "Available line magics:\n" + names("%", registry.getLineMagicNames()) + "\n\n"
                + "Available cell magics:\n" + names("%%", registry.getCellMagicNames()) + "\n";
    }

    /** The magics in a sentence, for an error that names them: "%classpath, %env, … and %%manifest". */
    static String inOneLine(MagicsRegistry registry) {
        List<String> all = Stream.concat(registry.getLineMagicNames().stream().sorted().map(name -> "%" + name),
                registry.getCellMagicNames().stream().sorted().map(name -> "%%" + name)).toList();
        return String.join(", ", all.subList(0, all.size() - 1)) + " and " + all.get(all.size() - 1);
    }

    private static String names(String prefix, Set<String> names) {
        return names.stream().sorted().map(name -> prefix + name).collect(Collectors.joining("  "));
    }
}
