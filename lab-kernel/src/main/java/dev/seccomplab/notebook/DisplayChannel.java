package dev.seccomplab.notebook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How a cell's code, which runs in JShell's own JVM, hands a MIME bundle to the kernel: one line
 * on standard output, a marker and the bundle as base64 JSON. The kernel takes such lines out of
 * the stream and publishes them as {@code display_data}.
 */
public final class DisplayChannel {

    /** Set in the lab kernel's cell JVM: there {@link Display} sends its output down this channel. */
    public static final String KERNEL_PROPERTY = "seccomplab.display.kernel";

    /** Starts with ESC so that no ordinary program output is taken for it. */
    static final String PREFIX = "\u001b[seccomp-lab:display]";
    private static final ObjectMapper JSON = new ObjectMapper();

    private DisplayChannel() {
    }

    public static String encode(Map<String, String> bundle) {
        try {
            return PREFIX + Base64.getEncoder().encodeToString(JSON.writeValueAsBytes(bundle));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
        }
    }

    /** True when a line that has begun like this may still turn out to be a display line. */
    public static boolean couldStart(String lineStart) {
        return lineStart.startsWith(PREFIX) || PREFIX.startsWith(lineStart);
    }

    /** The bundle a line carries, or empty for an ordinary line. */
    public static Optional<Map<String, String>> decode(String line) {
        if (!line.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            byte[] json = Base64.getDecoder().decode(line.substring(PREFIX.length()).strip());
            return Optional.of(JSON.readValue(new String(json, StandardCharsets.UTF_8), new TypeReference<LinkedHashMap<String, String>>() { }));
        } catch (IllegalArgumentException | JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
