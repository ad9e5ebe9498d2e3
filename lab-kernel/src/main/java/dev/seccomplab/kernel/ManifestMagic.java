package dev.seccomplab.kernel;

import java.util.List;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.magic.CellMagic;

/** {@code %%manifest}: the rest of the cell is a Deployment (or Pod) that {@code lab.applyYaml} applies. */
final class ManifestMagic implements CellMagic<String, BaseKernel> {

    @Override
    public String eval(BaseKernel kernel, List<String> args, String body) {
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("takes no arguments on its line; the manifest goes on the lines below it");
        }
        return "{ lab.applyYaml(" + JavaLiteral.of(body) + "); }";
    }
}
