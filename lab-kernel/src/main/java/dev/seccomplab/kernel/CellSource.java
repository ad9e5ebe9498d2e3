package dev.seccomplab.kernel;

/** Positions in a cell's text, so that errors can name the cell's own line numbers. */
record CellSource(String text) {

    /** 1-based line of a 0-based character offset. */
    int lineOf(int offset) {
        int line = 1;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    String line(int lineNumber) {
        String[] lines = text.split("\n", -1);
        return lineNumber >= 1 && lineNumber <= lines.length ? lines[lineNumber - 1] : "";
    }

    /** The line with a caret under the column of an offset, as a compiler prints it. */
    String pointAt(int offset) {
        int line = lineOf(offset);
        int lineStart = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
        int column = Math.max(0, offset - lineStart);
        return line(line) + "\n" + " ".repeat(column) + "^";
    }
}
