package dev.seccomplab.environments.kind.nodeimage;

import dev.seccomplab.environments.LabEnvironmentException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The node image's own files, kept as resources beside this class: the Dockerfile, what goes into
 * the node ({@code node/…}), the CNI installer and the pause program. {@code files.txt} lists them,
 * since a jar cannot list a folder.
 */
final class NodeResources {

    static final String INDEX = "files.txt";

    private NodeResources() {
    }

    /** Every file, by its path under this package, in the index's order. */
    static Map<String, byte[]> all() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String path : index()) {
            files.put(path, read(path));
        }
        return files;
    }

    static List<String> index() {
        return new String(read(INDEX), StandardCharsets.UTF_8).lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }

    static byte[] read(String path) {
        try (InputStream in = NodeResources.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new LabEnvironmentException("The lab's jar lacks the kind node image's file " + path + "; rebuild the lab (mvn install).");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new LabEnvironmentException("Cannot read the kind node image's file " + path + ": " + e.getMessage(), e);
        }
    }
}
