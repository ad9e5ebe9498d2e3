package dev.seccomplab.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Display frames between the cell JVM and the kernel, cut up the way JShell's multiplexer cuts them. */
class DisplayChannelTest {

    /** JShell's MultiplexingOutputStream sends at most this many bytes a packet. */
    private static final int JSHELL_PACKET = 127;

    private final List<Map<String, String>> received = new ArrayList<>();
    private final DisplayChannel.Receiver receiver = new DisplayChannel.Receiver(received::add);

    @Test
    void aBundleArrivesWholeAndInOrderWhateverThePacketSize() {
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("image/svg+xml", "<svg>" + "<rect/>".repeat(20_000) + "</svg>");
        bundle.put("text/plain", "(SVG image) ✓ seccomp");
        for (int packet : new int[] {1, 3, JSHELL_PACKET, 1 << 20}) {
            received.clear();
            sendInPackets(DisplayChannel.frame(bundle), packet);
            assertThat(received).as("packets of %d bytes", packet).containsExactly(bundle);
            assertThat(received.get(0).keySet()).containsExactly("image/svg+xml", "text/plain");
        }
    }

    @Test
    void twoFramesInOneWriteAreTwoBundles() {
        byte[] first = DisplayChannel.frame(Map.of("text/plain", "one"));
        byte[] second = DisplayChannel.frame(Map.of("text/html", "<b>two</b>", "text/plain", ""));
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        receiver.write(both, 0, both.length);
        assertThat(received).containsExactly(Map.of("text/plain", "one"), Map.of("text/html", "<b>two</b>", "text/plain", ""));
    }

    @Test
    void aFrameNotYetWholeIsHeldUntilItIs() {
        byte[] frame = DisplayChannel.frame(Map.of("text/plain", "42"));
        receiver.write(frame, 0, frame.length - 1);
        assertThat(received).isEmpty();
        receiver.write(frame, frame.length - 1, 1);
        assertThat(received).containsExactly(Map.of("text/plain", "42"));
    }

    @Test
    void aMalformedFrameSaysSo() {
        byte[] claimsTwoEntriesHoldsNone = {0, 0, 0, 4, 0, 0, 0, 2};
        assertThatThrownBy(() -> receiver.write(claimsTwoEntriesHoldsNone, 0, claimsTwoEntriesHoldsNone.length))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("display frame from the cell JVM is malformed");
    }

    private void sendInPackets(byte[] frame, int packet) {
        for (int at = 0; at < frame.length; at += packet) {
            receiver.write(frame, at, Math.min(packet, frame.length - at));
        }
    }
}
