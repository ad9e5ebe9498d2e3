package dev.seccomplab.environments.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seccomplab.environments.profile.SeccompProfileSummary.Verdict;
import org.junit.jupiter.api.Test;

class SeccompProfileSummaryTest {

    /** Shaped like the runtime's default: ERRNO by default, clone allowed only with argument filters, clone3 refused. */
    private static final String PROFILE = """
            {"defaultAction": "SCMP_ACT_ERRNO",
             "architectures": ["SCMP_ARCH_X86_64"],
             "syscalls": [
               {"action": "SCMP_ACT_ALLOW", "names": ["accept", "read", "write"]},
               {"action": "SCMP_ACT_ALLOW", "names": ["read", "personality"],
                "args": [{"index": 0, "value": 0, "op": "SCMP_CMP_EQ"}]},
               {"action": "SCMP_ACT_ALLOW", "names": ["clone"],
                "args": [{"index": 0, "value": 2114060288, "valueTwo": 0, "op": "SCMP_CMP_MASKED_EQ"}]},
               {"action": "SCMP_ACT_ERRNO", "errnoRet": 38, "names": ["clone3"]}
             ]}
            """;

    @Test
    void countsRuleEntriesAndDistinctAllowedNamesApart() throws Exception {
        SeccompProfileSummary summary = SeccompProfileSummary.of(new ObjectMapper().readTree(PROFILE));
        assertThat(summary.defaultAction()).isEqualTo("SCMP_ACT_ERRNO");
        assertThat(summary.ruleEntries()).isEqualTo(7);
        assertThat(summary.distinctAllowed()).containsExactlyInAnyOrder("accept", "read", "write");
        assertThat(summary.conditionallyAllowed()).containsExactlyInAnyOrder("personality", "clone");
        assertThat(summary.distinctAllowedCount()).isEqualTo(5);
    }

    @Test
    void judgesOneSyscall() throws Exception {
        SeccompProfileSummary summary = SeccompProfileSummary.of(new ObjectMapper().readTree(PROFILE));
        assertThat(summary.verdictFor("read")).isEqualTo(Verdict.ALLOWED);
        assertThat(summary.verdictFor("clone")).isEqualTo(Verdict.ALLOWED_WITH_ARGUMENT_FILTERS);
        assertThat(summary.verdictFor("clone3")).isEqualTo(Verdict.NOT_ALLOWED);
        assertThat(summary.verdictFor("keyctl")).isEqualTo(Verdict.NOT_ALLOWED);
    }

    @Test
    void anAllowByDefaultProfileRefusesOnlyWhatItNames() throws Exception {
        SeccompProfileSummary summary = SeccompProfileSummary.of(new ObjectMapper().readTree("""
                {"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"action": "SCMP_ACT_ERRNO", "names": ["keyctl"]}]}
                """));
        assertThat(summary.verdictFor("keyctl")).isEqualTo(Verdict.NOT_ALLOWED);
        assertThat(summary.verdictFor("read")).isEqualTo(Verdict.ALLOWED);
    }
}
