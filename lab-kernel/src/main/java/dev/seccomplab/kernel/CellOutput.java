package dev.seccomplab.kernel;

import dev.seccomplab.notebook.DisplayChannel;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishDisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;

/**
 * A cell's standard output and error on their way to the notebook. Text is gathered and sent in
 * batches every {@value #FLUSH_MILLIS} ms and when the cell ends, so a cell that prints ten
 * thousand lines sends a handful of messages, and nothing is dropped. Display lines (see
 * {@link DisplayChannel}) are taken out of the text and published as display_data, in order.
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
    private final StringBuilder outText = new StringBuilder();
    private final StringBuilder errText = new StringBuilder();
    /** The stdout line not yet ended, held back while it may still turn out to be a display line. */
    private final StringBuilder openLine = new StringBuilder();
    private ScheduledFuture<?> periodicFlush;

    CellOutput(Publisher publisher) {
        this.publisher = publisher;
    }

    static Publisher toIoPub(org.dflib.jjava.jupyter.channels.ReplyEnvironment env) {
        return new Publisher() {
            @Override
            public void stream(PublishStream.StreamType type, String text) {
                env.publish(new PublishStream(type, text));
            }

            @Override
            public void display(Map<String, String> bundle) {
                DisplayData data = new DisplayData();
                bundle.forEach(data::putData);
                env.publish(new PublishDisplayData(data));
            }
        };
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

    /** Sends what has arrived; a half-written display line waits for its end. */
    synchronized void flush() {
        takeOutText(outBytes.drain(), false);
        errText.append(errBytes.drain());
        sendText();
    }

    /** The cell ended: everything goes out, and the periodic flush stops. */
    synchronized void finish() {
        if (periodicFlush != null) {
            periodicFlush.cancel(false);
        }
        takeOutText(outBytes.drain(), true);
        errText.append(errBytes.drain());
        sendText();
    }

    private void takeOutText(String text, boolean cellEnded) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            openLine.append(c);
            if (c == '\n') {
                takeLine();
            }
        }
        if (cellEnded || !mayBecomeDisplayLine(openLine)) {
            outText.append(openLine);
            openLine.setLength(0);
        }
    }

    private void takeLine() {
        Optional<Map<String, String>> bundle = DisplayChannel.decode(openLine.toString());
        if (bundle.isPresent()) {
            sendText();
            publisher.display(bundle.get());
        } else {
            outText.append(openLine);
        }
        openLine.setLength(0);
    }

    private static boolean mayBecomeDisplayLine(CharSequence line) {
        String start = line.toString();
        return !start.isEmpty() && DisplayChannel.couldStart(start);
    }

    private void sendText() {
        if (outText.length() > 0) {
            publisher.stream(PublishStream.StreamType.OUT, outText.toString());
            outText.setLength(0);
        }
        if (errText.length() > 0) {
            publisher.stream(PublishStream.StreamType.ERR, errText.toString());
            errText.setLength(0);
        }
    }
}
