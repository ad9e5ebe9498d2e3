package dev.seccomplab.notebook;

import java.util.LinkedHashMap;
import java.util.Map;

/** Rich output from a cell, in the standard MIME types. Each call shows one output in the notebook. */
public final class Display {

    private Display() {
    }

    public static void html(String html) {
        bundle(Map.of("text/html", html, "text/plain", "(HTML output)"));
    }

    public static void markdown(String markdown) {
        bundle(Map.of("text/markdown", markdown, "text/plain", markdown));
    }

    public static void svg(String svg) {
        bundle(Map.of("image/svg+xml", svg, "text/plain", "(SVG image)"));
    }

    public static void text(String text) {
        bundle(Map.of("text/plain", text));
    }

    /** @param data MIME type to content; a text/plain entry is added when missing, as Jupyter expects */
    public static void bundle(Map<String, String> data) {
        Map<String, String> bundle = new LinkedHashMap<>(data);
        bundle.putIfAbsent("text/plain", "");
        System.out.flush();
        System.out.println(DisplayChannel.encode(bundle));
        System.out.flush();
    }
}
