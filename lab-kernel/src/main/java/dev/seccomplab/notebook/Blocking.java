package dev.seccomplab.notebook;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a blocking lab call (a pod exec, a cluster start) on a worker thread while the cell's
 * thread waits in Java code. An interrupt stops the cell's thread there at once, even when the
 * call itself sits in a socket read that no stop request can reach.
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
        Future<T> future = WORKERS.submit(work);
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            if (!future.isDone()) {
                future.cancel(true);
            }
        }
    }
}
