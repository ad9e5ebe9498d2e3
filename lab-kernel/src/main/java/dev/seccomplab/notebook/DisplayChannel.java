package dev.seccomplab.notebook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * How a cell, which runs in the lab kernel's cell JVM, hands a MIME bundle to the kernel: a frame
 * on JShell's named output stream {@value #STREAM}, beside "out" and "err". JShell multiplexes the
 * three over one pipe in the order they were written, so a display keeps its place among the text
 * and no program output can ever be taken for one.
 *
 * <p>A frame is a length-prefixed list of (MIME type, content) pairs, each string as a length and
 * its UTF-8 bytes: SVG charts exceed what {@link DataOutputStream#writeUTF} can hold.
 */
public final class DisplayChannel {

    public static final String STREAM = "display";

    /** The stream to the kernel; set only in the lab kernel's cell JVM. */
    private static volatile OutputStream kernel;

    private DisplayChannel() {
    }

    /** Called once by the cell JVM with its end of the {@value #STREAM} stream. */
    public static void connect(OutputStream stream) {
        kernel = stream;
    }

    static boolean connected() {
        return kernel != null;
    }

    /** Sends a bundle after the text printed before it, so that it shows in its place. */
    static void send(Map<String, String> bundle) {
        System.out.flush();
        System.err.flush();
        try {
            OutputStream stream = kernel;
            // One write: JShell sends it as consecutive packets under one lock.
            stream.write(frame(bundle));
            stream.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the kernel's display stream is closed", e);
        }
    }

    public static byte[] frame(Map<String, String> bundle) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(payload)) {
            out.writeInt(bundle.size());
            for (Map.Entry<String, String> entry : bundle.entrySet()) {
                writeString(out, entry.getKey());
                writeString(out, entry.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory does not fail", e);
        }
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.size() + Integer.BYTES);
        try (DataOutputStream out = new DataOutputStream(frame)) {
            out.writeInt(payload.size());
            payload.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory does not fail", e);
        }
        return frame.toByteArray();
    }

    private static void writeString(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /**
     * The kernel's end: bytes arrive in packets of JShell's size, not frame by frame, and each
     * frame is handed on as a bundle once all of it is there.
     */
    public static final class Receiver extends OutputStream {

        private final Consumer<Map<String, String>> onBundle;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        /** The size of the frame being received, once its length prefix is in; -1 before. */
        private int frameSize = -1;

        public Receiver(Consumer<Map<String, String>> onBundle) {
            this.onBundle = onBundle;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            int at = offset;
            int end = offset + length;
            while (at < end) {
                int wanted = (frameSize < 0 ? Integer.BYTES : frameSize) - pending.size();
                int taken = Math.min(wanted, end - at);
                pending.write(bytes, at, taken);
                at += taken;
                if (taken == wanted) {
                    byte[] complete = pending.toByteArray();
                    pending.reset();
                    if (frameSize < 0) {
                        frameSize = ByteBuffer.wrap(complete).getInt();
                    } else {
                        frameSize = -1;
                        onBundle.accept(bundle(complete));
                    }
                }
            }
        }

        private static Map<String, String> bundle(byte[] payload) {
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
                int entries = in.readInt();
                Map<String, String> bundle = new LinkedHashMap<>();
                for (int i = 0; i < entries; i++) {
                    bundle.put(readString(in), readString(in));
                }
                return bundle;
            } catch (IOException e) {
                throw new IllegalStateException("a display frame from the cell JVM is malformed: " + e.getMessage(), e);
            }
        }

        private static String readString(DataInputStream in) throws IOException {
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
