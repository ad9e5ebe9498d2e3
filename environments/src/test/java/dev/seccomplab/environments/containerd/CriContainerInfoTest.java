package dev.seccomplab.environments.containerd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seccomplab.environments.RuntimeSeccompSpec;
import dev.seccomplab.environments.profile.SeccompProfileSummary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The one parser for containerd's container info: on the info a real containerd (1.6.20, through
 * the CRI) gave for the lab's RuntimeDefault and privileged pods, and on crictl inspect's shape.
 */
class CriContainerInfoTest {

    @Test
    void readsContainerdsDefaultProfileFromARealContainerStatus() throws Exception {
        CriContainerInfo info = CriContainerInfo.parse(recorded("containerd-1.6.20-info-runtime-default.json"), "test");
        SeccompProfileSummary profile = info.runtimeSeccomp().summary().orElseThrow();

        assertThat(profile.defaultAction()).isEqualTo("SCMP_ACT_ERRNO");
        assertThat(profile.verdictFor("keyctl")).isEqualTo(SeccompProfileSummary.Verdict.NOT_ALLOWED);
        assertThat(profile.verdictFor("add_key")).isEqualTo(SeccompProfileSummary.Verdict.NOT_ALLOWED);
        assertThat(profile.verdictFor("read")).isEqualTo(SeccompProfileSummary.Verdict.ALLOWED);
        // Counted on that file with jq when it was recorded: the two numbers differ, which is the lesson.
        assertThat(profile.distinctAllowedCount()).isEqualTo(355);
        assertThat(profile.ruleEntries()).isEqualTo(360);
        assertThat(info.pid()).isPositive();
    }

    @Test
    void aPrivilegedContainersRealSpecHasNoSeccompSection() throws Exception {
        RuntimeSeccompSpec spec = CriContainerInfo.parse(recorded("containerd-1.6.20-info-privileged.json"), "test").runtimeSeccomp();
        assertThat(spec.seccomp()).isEmpty();
        assertThat(spec.source()).isEqualTo("test .info.runtimeSpec.linux.seccomp");
    }

    @Test
    void withoutVerboseInfoTheErrorSaysSo() {
        assertThatThrownBy(() -> CriContainerInfo.parse("{\"pid\": 7}", "x").runtimeSeccomp())
                .hasMessageContaining("has no runtimeSpec");
        assertThatThrownBy(() -> CriContainerInfo.parse("not json", "x")).hasMessageStartingWith("x did not give JSON");
    }

    static String recorded(String name) throws IOException {
        try (InputStream in = CriContainerInfoTest.class.getResourceAsStream("/recorded/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
