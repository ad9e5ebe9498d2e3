package dev.seccomplab.environments.image;

import dev.seccomplab.environments.image.ReproducibleTar.Entry;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The Docker build context of the workload image: a {@code FROM scratch} Dockerfile and the
 * {@link WorkloadRootfs}. No registry is needed.
 *
 * <p>The tar is reproducible, so its SHA-256 identifies the image's content and the image is
 * rebuilt only when that changes.
 */
public final class WorkloadBuildContext {

    static final String DOCKERFILE = String.join("\n",
            "FROM scratch",
            "COPY rootfs/ /",
            "CMD [" + WorkloadRootfs.COMMAND.stream().map(WorkloadBuildContext::jsonString).collect(Collectors.joining(", ")) + "]",
            "");

    private final byte[] tar;

    private WorkloadBuildContext(byte[] tar) {
        this.tar = tar;
    }

    public static WorkloadBuildContext fromHost() {
        return of(WorkloadRootfs.fromHost());
    }

    static WorkloadBuildContext of(WorkloadRootfs rootfs) {
        SortedMap<String, Entry> entries = new TreeMap<>();
        entries.put("Dockerfile", Entry.text(DOCKERFILE, 0644));
        for (Map.Entry<String, Entry> e : rootfs.entries().entrySet()) {
            entries.put("rootfs/" + e.getKey(), e.getValue());
        }
        return new WorkloadBuildContext(ReproducibleTar.write(entries));
    }

    static WorkloadBuildContext of(List<HostBinary> binaries) {
        return of(WorkloadRootfs.of(binaries));
    }

    public byte[] tar() {
        return tar.clone();
    }

    public String contentSha256() {
        return ReproducibleTar.sha256Hex(tar);
    }

    private static String jsonString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
