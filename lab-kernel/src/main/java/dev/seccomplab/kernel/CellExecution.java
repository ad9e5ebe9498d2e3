package dev.seccomplab.kernel;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How every cell runs, for a Jupyter client ({@link LabKernel}) and for {@code lab notebooks run}
 * ({@link NotebookExecution}) alike: its output routed and batched, its code evaluated (within a
 * time limit when it has one; an interrupt stops it either way), and its end published as a value
 * or as Jupyter's error triple. Those two callers only adapt where the outputs go.
 */
final class CellExecution implements AutoCloseable {

    /** Where a cell's outputs go: Jupyter's IOPub channel, or a notebook's outputs. */
    interface Outputs extends CellOutput.Publisher {
        void result(String value);

        void error(CellException error);
    }

    /**
     * @param value the cell's value; empty when it has none or its last line ends in {@code ;}
     * @param error why it stopped before its end; empty when it did not
     */
    record Outcome(Optional<String> value, Optional<CellException> error) {
    }

    private final JShellSession session;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "cell-evaluation");
        thread.setDaemon(true);
        return thread;
    });

    CellExecution(JShellSession session) {
        this.session = session;
    }

    /** Runs a cell; its outputs, value and error have all been handed to {@code outputs} when this returns. */
    Outcome run(String code, Optional<Duration> timeout, Outputs outputs) {
        CellOutput output = new CellOutput(outputs);
        session.routeTo(output);
        output.startPeriodicFlush();
        Future<Optional<String>> evaluation = runner.submit(() -> session.evalCell(code));
        CellException error;
        try {
            Optional<String> value = timeout.isPresent()
                    ? evaluation.get(timeout.get().toMillis(), TimeUnit.MILLISECONDS)
                    : evaluation.get();
            output.finish();
            Optional<String> shown = hidesItsValue(code) ? Optional.empty() : value;
            shown.ifPresent(outputs::result);
            return new Outcome(shown, Optional.empty());
        } catch (TimeoutException e) {
            session.stop();
            awaitStopped(evaluation);
            String problem = "timed out after " + timeout.orElseThrow().toSeconds() + " s and was interrupted";
            error = new CellException("Timeout", problem, List.of(problem));
        } catch (ExecutionException e) {
            error = e.getCause() instanceof CellException cellError ? cellError : kernelFault(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            session.stop();
            awaitStopped(evaluation);
            error = new CellException("Interrupted", "the run was interrupted", List.of("the run was interrupted"));
        }
        output.finish();
        outputs.error(error);
        return new Outcome(Optional.empty(), Optional.of(error));
    }

    /** As in IPython: a cell whose code ends in {@code ;} shows no value, e.g. {@code lab.profileChart("x");}. */
    static boolean hidesItsValue(String code) {
        return code.strip().endsWith(";");
    }

    /** A fault of the kernel, not of the cell: the client must still get its error, or it waits forever. */
    private static CellException kernelFault(Throwable cause) {
        String problem = "the kernel failed on this cell: " + cause;
        return new CellException("KernelError", problem, List.of(problem));
    }

    private static void awaitStopped(Future<?> evaluation) {
        try {
            evaluation.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException ended) {
            // Stopped as asked, or still winding down: the next cell waits for the runner either way.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        runner.shutdownNow();
    }
}
