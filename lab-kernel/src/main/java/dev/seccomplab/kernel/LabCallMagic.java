package dev.seccomplab.kernel;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.magic.LineMagic;

/**
 * A magic that is a call on the cell's {@code lab} object, so that it does exactly what the call
 * written by hand does: {@code %expect NAME} is {@code lab.expect("NAME")}. Which method depends on
 * how many arguments there are ({@code %profile NAME} and {@code %profile NAME SYSCALL}).
 */
final class LabCallMagic implements LineMagic<String, BaseKernel> {

    private final Map<Integer, String> methodByArgumentCount;

    LabCallMagic(Map<Integer, String> methodByArgumentCount) {
        this.methodByArgumentCount = new TreeMap<>(methodByArgumentCount);
    }

    /** @return the Java for the call: a block, so that the magic shows what the call displays and no value besides */
    @Override
    public String eval(BaseKernel kernel, List<String> args) {
        String method = methodByArgumentCount.get(args.size());
        if (method == null) {
            String counts = methodByArgumentCount.keySet().stream().map(String::valueOf).collect(Collectors.joining(" or "));
            boolean one = methodByArgumentCount.size() == 1 && methodByArgumentCount.containsKey(1);
            throw new IllegalArgumentException("takes " + counts + " argument" + (one ? "" : "s") + ", got " + args.size());
        }
        return "{ lab." + method + "(" + args.stream().map(JavaLiteral::of).collect(Collectors.joining(", ")) + "); }";
    }
}
