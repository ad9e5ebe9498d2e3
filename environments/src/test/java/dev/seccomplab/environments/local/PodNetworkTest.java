package dev.seccomplab.environments.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The pods' subnet is chosen apart from what this host routes already. */
class PodNetworkTest {

    @Test
    void routesAreReadAsTheKernelWritesThemLittleEndian() {
        // 10.217.0.0/24, 172.17.0.0/16 and the default route, as /proc/net/route lists them.
        assertThat(PodNetwork.prefix("0000D90A", "00FFFFFF")).isEqualTo("10.217.0.");
        assertThat(PodNetwork.prefix("000011AC", "0000FFFF")).isEqualTo("172.17.");
        assertThat(PodNetwork.prefix("00000000", "00000000")).isEmpty();
    }

    @Test
    void theNodeHasTheFirstAddressOfThePodsSubnet() {
        assertThat(new PodNetwork("10.217.0.0").nodeAddress()).isEqualTo("10.217.0.1");
    }
}
