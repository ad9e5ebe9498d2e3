package dev.seccomplab.kernel;

import dev.seccomplab.notebook.DisplayChannel;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;

/**
 * A cell's standard output and error on their way to the notebook. Text is gathered and sent in
 * batches every {@value #FLUSH_MILLIS} ms and when the cell ends, so a cell that prints ten
 * thousand lines sends a handful of messages, and nothing is dropped. Rich output (see
 * {@link DisplayChannel}) is published as display_data after the text that came before it.
 */
final class CellOutput {

    static final long FLUSH_MILLIS = 50;
    private static final ScheduledExecutorService FLUSHER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "kernel-output-flush");
        thread.setDaemon(true);
        return thread;
    });

    /** Where batches go: the IOPub channel of the cell's request, in production. */
    interface Publisher {
        void stream(PublishStream.StreamType type, String text);

        void display(Map<String, String> bundle);
    }

    private final Publisher publisher;
    private final Utf8Accumulator outBytes = new Utf8Accumulator();
    private final Utf8Accumulator errBytes = new Utf8Accumulator();
    private ScheduledFuture<?> periodicFlush;

    CellOutput(Publisher publisher) {
        this.publisher = publisher;
    }

    synchronized void startPeriodicFlush() {
        periodicFlush = FLUSHER.scheduleWithFixedDelay(this::flush, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    synchronized void writeOut(byte[] bytes, int offset, int length) {
        outBytes.write(bytes, offset, length);
    }

    synchronized void writeErr(byte[] bytes, int offset, int length) {
        errBytes.write(bytes, offset, length);
    }

    /** Sends what has arrived. */
    synchronized void flush() {
        send(PublishStream.StreamType.OUT, outBytes.drain());
        send(PublishStream.StreamType.ERR, errBytes.drain());
    }

    /** A MIME bundle from the cell, shown after the text that arrived before it. */
    synchronized void display(Map<String, String> bundle) {
        flush();
        publisher.display(bundle);
    }

    /** The cell ended: everything goes out, and the periodic flush stops. */
    synchronized void finish() {
        if (periodicFlush != null) {
            periodicFlush.cancel(false);
        }
        flush();
    }

    private void send(PublishStream.StreamType type, String text) {
        if (!text.isEmpty()) {
            publisher.stream(type, text);
        }
    }
}
