package dev.seccomplab.report;

import dev.seccomplab.environments.Progress;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * Progress lines stamped with the time since the command started. A long message is wrapped at
 * spaces under its stamp: a notebook breaks long output lines anywhere, even mid-word.
 */
public final class ElapsedProgress implements Progress {

    static final int WIDTH = 110;
    private static final String STAMP = "[%6.1f s] ";
    private static final String INDENT = " ".repeat(String.format(Locale.ROOT, STAMP, 0.0).length());

    private final PrintWriter out;
    private final long start = System.nanoTime();

    public ElapsedProgress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public synchronized void step(String message) {
        String stamp = String.format(Locale.ROOT, STAMP, (System.nanoTime() - start) / 1e9);
        List<String> lines = TextWrap.wrap(message, WIDTH - INDENT.length());
        out.println(stamp + lines.get(0));
        lines.subList(1, lines.size()).forEach(line -> out.println(INDENT + line));
        out.flush();
    }
}
