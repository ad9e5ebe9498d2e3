package dev.seccomplab.environments;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Asks again until there is an answer, for the few things that cannot be watched: a socket coming
 * up, a pid file being written, a kubelet's {@code /configz}. Kubernetes objects are waited for with
 * fabric8's own watches instead.
 */
public final class Poll {

    private Poll() {
    }

    /**
     * @param probe empty while the answer is not there yet; it may throw to give up at once
     * @param onTimeout the error when {@code timeout} has passed without an answer
     */
    public static <T> T until(Duration timeout, Duration every, Supplier<Optional<T>> probe,
                              Supplier<? extends RuntimeException> onTimeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> answer = probe.get();
            if (answer.isPresent()) {
                return answer.get();
            }
            if (System.nanoTime() > deadline) {
                throw onTimeout.get();
            }
            try {
                Thread.sleep(every.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LabEnvironmentException("Interrupted while waiting", e);
            }
        }
    }
}
