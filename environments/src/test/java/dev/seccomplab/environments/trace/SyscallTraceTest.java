package dev.seccomplab.environments.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seccomplab.environments.LabEnvironmentException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyscallTraceTest {

    @Test
    void countsAreReadPerPidNamespaceFromBpftracesJsonAndItsWarningsAreLeftOut() {
        Map<String, java.util.SortedMap<Integer, Long>> counts = SyscallTrace.parse(List.of(
                "ERROR: Unknown error -1: couldn't set RLIMIT_MEMLOCK for bpftrace.",
                "{\"type\": \"attached_probes\", \"data\": {\"probes\": 2}}",
                "{\"type\": \"map\", \"data\": {\"@calls\": {\"4026532327,257\": 30, \"4026532327,0\": 10, \"4026531836,1\": 2}}}"),
                Path.of("trace.json"));
        assertThat(counts.get("4026532327")).containsExactly(Map.entry(0, 10L), Map.entry(257, 30L));
        assertThat(counts.get("4026531836")).containsExactly(Map.entry(1, 2L));
        assertThat(SyscallTrace.inode("pid:[4026532327]")).isEqualTo("4026532327");
    }

    @Test
    void aLineThatIsNotJsonNamesTheFile() {
        assertThatThrownBy(() -> SyscallTrace.parse(List.of("{\"type\": \"map\", \"data\": {"), Path.of("trace.json")))
                .isInstanceOf(LabEnvironmentException.class).hasMessageContaining("trace.json");
    }
}
