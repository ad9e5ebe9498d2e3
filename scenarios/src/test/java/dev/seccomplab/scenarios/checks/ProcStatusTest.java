package dev.seccomplab.scenarios.checks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcStatusTest {

    @Test
    void readsTheModeFromAKernelWithSeccompFilters() {
        String grepOutput = "Seccomp:\t2\nSeccomp_filters:\t1\n";
        assertThat(ProcStatus.seccompMode(grepOutput)).contains(SeccompMode.FILTER);
    }

    @Test
    void seccompFiltersIsNotMistakenForTheMode() {
        assertThat(ProcStatus.seccompMode("Seccomp_filters:\t2\nSeccomp:\t0\n")).contains(SeccompMode.DISABLED);
        assertThat(ProcStatus.seccompMode("Seccomp_filters:\t1\n")).isEmpty();
    }

    @Test
    void readsTheModeInsideAWholeStatusFile() {
        String status = "Name:\tsh\nNoNewPrivs:\t0\nSeccomp:\t1\nSeccomp_filters:\t0\nSpeculation_Store_Bypass:\tthread vulnerable\n";
        assertThat(ProcStatus.seccompMode(status)).contains(SeccompMode.STRICT);
    }

    @Test
    void oldKernelsWithoutFiltersLineAndSpacesInsteadOfTabs() {
        assertThat(ProcStatus.seccompMode("Seccomp:    0\n")).contains(SeccompMode.DISABLED);
    }

    @Test
    void unknownOrMissingModeIsEmpty() {
        assertThat(ProcStatus.seccompMode("Seccomp:\t7\n")).isEmpty();
        assertThat(ProcStatus.seccompMode("grep: /proc/1/status: No such file or directory\n")).isEmpty();
    }

    @Test
    void describesAsTheStatusFileDoes() {
        assertThat(SeccompMode.FILTER.describe()).isEqualTo("Seccomp: 2 (filter)");
    }
}
