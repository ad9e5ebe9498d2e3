package dev.seccomplab.kernel;

/**
 * Positions in a cell, so that errors can name the cell's own line numbers and show its own lines.
 *
 * @param java the Java that ran: magic lines rewritten, one Java line for each line of the cell
 * @param written the cell as its author wrote it
 */
record CellSource(String java, String written) {

    /** 1-based line of a 0-based character offset in the Java. */
    int lineOf(int offset) {
        int line = 1;
        for (int i = 0; i < Math.min(offset, java.length()); i++) {
            if (java.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The line as written: {@code %expect runtime-default}, not the call it became. */
    String line(int lineNumber) {
        return line(written, lineNumber);
    }

    /** The line with a caret under the column of an offset, as a compiler prints it; a rewritten line gets no caret. */
    String pointAt(int offset) {
        int line = lineOf(offset);
        if (!line(java, line).equals(line(line))) {
            return line(line);
        }
        int lineStart = java.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
        int column = Math.max(0, offset - lineStart);
        return line(line) + "\n" + " ".repeat(column) + "^";
    }

    private static String line(String text, int lineNumber) {
        String[] lines = text.split("\n", -1);
        return lineNumber >= 1 && lineNumber <= lines.length ? lines[lineNumber - 1] : "";
    }
}
