package dev.seccomplab.kernel;

import java.util.List;

/**
 * A cell that did not run to its end: a compile error, an exception, an interrupt. Its parts are
 * the Jupyter error's {@code ename}, {@code evalue} and {@code traceback}.
 */
final class CellException extends Exception {

    private final String name;
    private final List<String> traceback;

    CellException(String name, String message, List<String> traceback) {
        super(message);
        this.name = name;
        this.traceback = List.copyOf(traceback);
    }

    /** An error about one line of the cell: Jupyter shows the traceback, so it starts with the message. */
    static CellException onLine(String name, String message, String line) {
        return new CellException(name, message, List.of(name + ": " + message, "    in the cell: " + line));
    }

    String name() {
        return name;
    }

    List<String> traceback() {
        return traceback;
    }
}
