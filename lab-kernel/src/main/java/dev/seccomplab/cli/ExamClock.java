package dev.seccomplab.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The exam's countdown: it says how long is left once a minute, and ends when the time is up or
 * when the trainee hands in early by pressing Enter. With no terminal to read (end of input), only
 * the time ends it.
 */
final class ExamClock {

    private static final Duration TICK = Duration.ofMinutes(1);

    private ExamClock() {
    }

    /** @return true when the trainee handed in before the time was up */
    static boolean waitForHandIn(Duration limit, InputStream terminal, PrintWriter out) {
        CompletableFuture<Void> handedIn = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                if (new BufferedReader(new InputStreamReader(terminal, StandardCharsets.UTF_8)).readLine() != null) {
                    handedIn.complete(null);
                }
            } catch (IOException e) {
                handedIn.completeExceptionally(new UncheckedIOException(e));
            }
        }, "exam-hand-in");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + limit.toNanos();
        CompletableFuture<Void> waitingFor = handedIn;
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                out.println("Time is up.");
                out.flush();
                return false;
            }
            out.printf("%d min left. Press Enter to hand in.%n", (left + TimeUnit.SECONDS.toNanos(59)) / TimeUnit.MINUTES.toNanos(1));
            out.flush();
            try {
                waitingFor.get(Math.min(left, TICK.toNanos()), TimeUnit.NANOSECONDS);
                out.println("Handed in.");
                out.flush();
                return true;
            } catch (TimeoutException nextTick) {
                // another minute gone; say so and wait again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (ExecutionException e) {
                out.println("Cannot read the terminal (" + e.getCause().getMessage() + "); the exam ends when the time is up.");
                out.flush();
                waitingFor = new CompletableFuture<>();
            }
        }
    }
}
