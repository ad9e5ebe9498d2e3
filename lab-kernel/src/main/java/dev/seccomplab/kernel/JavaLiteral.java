package dev.seccomplab.kernel;

/** Text as a Java string literal, for the Java a magic or the kernel's start-up code becomes. */
final class JavaLiteral {

    private JavaLiteral() {
    }

    static String of(String text) {
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
}
