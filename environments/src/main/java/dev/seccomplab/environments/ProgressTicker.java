package dev.seccomplab.environments;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Reports, every few seconds, that a step which gives no progress of its own is still going. */
public final class ProgressTicker implements AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "seccomp-lab-progress");
        thread.setDaemon(true);
        return thread;
    });

    public ProgressTicker(Progress progress, String what, long everySeconds) {
        this(progress, () -> what, everySeconds);
    }

    /** @param what asked at each tick, for a step that can say how far it got */
    public ProgressTicker(Progress progress, Supplier<String> what, long everySeconds) {
        long start = System.nanoTime();
        timer.scheduleAtFixedRate(() -> progress.step(what.get() + " (" + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) + " s)"),
                everySeconds, everySeconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
