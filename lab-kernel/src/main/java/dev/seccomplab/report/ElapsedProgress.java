package dev.seccomplab.report;

import dev.seccomplab.environments.Progress;
import java.io.PrintWriter;
import java.util.Locale;

/** Progress lines stamped with the time since the command started. */
public final class ElapsedProgress implements Progress {

    private final PrintWriter out;
    private final long start = System.nanoTime();

    public ElapsedProgress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public synchronized void step(String message) {
        out.printf(Locale.ROOT, "[%6.1f s] %s%n", (System.nanoTime() - start) / 1e9, message);
        out.flush();
    }
}
