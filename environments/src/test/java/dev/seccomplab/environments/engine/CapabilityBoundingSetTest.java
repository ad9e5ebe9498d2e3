package dev.seccomplab.environments.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CapabilityBoundingSetTest {

    private static final String THIS_VM = "Name:\tjava\nCapInh:\t0000000000000000\nCapBnd:\t000001fffeffffff\nCapAmb:\t0000000000000000\n";

    @Test
    void namesTheCapabilityThisVmLacks() {
        CapabilityBoundingSet set = CapabilityBoundingSet.parse(THIS_VM, 40).orElseThrow();
        assertThat(set.missing()).containsExactly("cap_sys_resource");
        assertThat(set.hex()).isEqualTo("000001fffeffffff");
    }

    @Test
    void aFullSetLacksNothing() {
        assertThat(CapabilityBoundingSet.parse("CapBnd:\t000001ffffffffff\n", 40).orElseThrow().missing()).isEmpty();
    }

    @Test
    void hostLimitMessageGivesCauseAndWayOut() {
        String message = PrivilegedHostLimit.describe("privileged pod priv-seccomp-abcde", CapabilityBoundingSet.parse(THIS_VM, 40));
        assertThat(message)
                .startsWith("host limit:")
                .contains("priv-seccomp-abcde", "CapBnd 000001fffeffffff", "cap_sys_resource", "unable to apply caps",
                        "not a result of the lesson");
    }

    @Test
    void withoutProcTheMessageStillNamesRuncsError() {
        assertThat(PrivilegedHostLimit.describe("privileged pod p", Optional.empty()))
                .contains("could not grant every capability", "unable to apply caps");
    }

    @Test
    void recognisesRuncsErrorAnywhereInTheCauseChain() {
        var failure = new RuntimeException("Container startup failed",
                new IllegalStateException("runc create failed: unable to start container process: unable to apply caps: operation not permitted"));
        assertThat(PrivilegedHostLimit.matches(failure)).isTrue();
        assertThat(PrivilegedHostLimit.matches(new RuntimeException("No such image"))).isFalse();
    }
}
