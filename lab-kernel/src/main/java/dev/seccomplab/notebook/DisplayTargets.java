package dev.seccomplab.notebook;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where {@link Display} output can go, found at run time so that the lab needs none of these
 * kernels to compile or run: the lab's kernel, JJava, IJava, or a plain text stream.
 */
final class DisplayTargets {

    private DisplayTargets() {
    }

    static Consumer<Map<String, String>> detect() {
        if (DisplayChannel.connected()) {
            return DisplayChannel::send;
        }
        return jupyterKernel("org.dflib.jjava.jupyter.kernel.BaseKernel", "notebookKernel",
                        "org.dflib.jjava.jupyter.kernel.display.DisplayData")
                .or(() -> jupyterKernel("io.github.spencerpark.ijava.IJava", "getKernelInstance",
                        "io.github.spencerpark.jupyter.kernel.display.DisplayData"))
                .orElse(DisplayTargets::asText);
    }

    /** What a terminal can show: the markdown when there is one (tables read well as such), else the plain text. */
    static void asText(Map<String, String> bundle) {
        String text = bundle.getOrDefault("text/markdown", bundle.getOrDefault("text/plain", ""));
        System.out.println(text);
        System.out.flush();
    }

    /**
     * A Jupyter kernel running in this JVM, found by its static accessor, and its
     * {@code display(DisplayData)} call; empty when that kernel is not here or not running.
     */
    static Optional<Consumer<Map<String, String>>> jupyterKernel(String kernelClass, String accessor, String displayDataClass) {
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            Object kernel = Class.forName(kernelClass, true, loader).getMethod(accessor).invoke(null);
            if (kernel == null) {
                return Optional.empty();
            }
            Class<?> displayData = Class.forName(displayDataClass, true, loader);
            Method putData = displayData.getMethod("putData", String.class, Object.class);
            Method display = kernel.getClass().getMethod("display", displayData);
            return Optional.of(bundle -> {
                try {
                    Object data = displayData.getConstructor().newInstance();
                    for (Map.Entry<String, String> entry : bundle.entrySet()) {
                        putData.invoke(data, entry.getKey(), entry.getValue());
                    }
                    display.invoke(kernel, data);
                } catch (ReflectiveOperationException e) {
                    asText(bundle);
                }
            });
        } catch (ReflectiveOperationException | LinkageError notHere) {
            return Optional.empty();
        }
    }
}
