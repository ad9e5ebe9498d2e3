package dev.seccomplab.notebook;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Rich output from a cell, in the standard MIME types. Each call shows one output: in the lab's
 * kernel as display_data, in a JJava or IJava kernel through that kernel's display call, and
 * anywhere else (plain {@code jshell}, a {@code main}) as readable text.
 */
public final class Display {

    private static volatile Consumer<Map<String, String>> target;

    private Display() {
    }

    /** As in IJava: shows a value; its text is what {@code toString} gives. */
    public static void display(Object value) {
        bundle(Map.of("text/plain", String.valueOf(value)));
    }

    /** As in IJava: shows a value's text as the given MIME type, e.g. {@code render(svg, "image/svg+xml")}. */
    public static void render(Object value, String mimeType) {
        String text = String.valueOf(value);
        bundle(mimeType.equals("text/plain") ? Map.of("text/plain", text) : Map.of(mimeType, text, "text/plain", text));
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
        target().accept(bundle);
    }

    /** Sends every output to the given target from now on, e.g. a host of the lab's own. */
    public static void sendTo(Consumer<Map<String, String>> newTarget) {
        target = newTarget;
    }

    private static Consumer<Map<String, String>> target() {
        Consumer<Map<String, String>> current = target;
        if (current == null) {
            current = DisplayTargets.detect();
            target = current;
        }
        return current;
    }
}
