package dev.seccomplab.notebook;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Runs a blocking lab call (a pod exec, a cluster start) on a worker thread while the cell's
 * thread waits in Java code. An interrupt stops the cell's thread there at once, even when the
 * call itself sits in a socket read that no stop request can reach. The call goes on to its end
 * on the worker; the session it works on serialises its calls, so nothing interleaves.
 */
final class Blocking {

    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "seccomp-lab-call");
        thread.setDaemon(true);
        return thread;
    });

    private Blocking() {
    }

    static <T> T call(Callable<T> work) {
        return await(WORKERS.submit(work));
    }

    /** Starts work on a worker, to be awaited later, possibly by another cell. */
    static <T> CompletableFuture<T> start(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, WORKERS);
    }

    static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted; the lab call goes on in the background and the next cell waits for it", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
