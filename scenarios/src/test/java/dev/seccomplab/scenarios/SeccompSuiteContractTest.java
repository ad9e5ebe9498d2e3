package dev.seccomplab.scenarios;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The shared contract itself: each environment names where it reads the runtime spec, and the
 * contract holds the evidence to that name, so the kind suite is not judged by Docker's file.
 */
class SeccompSuiteContractTest {

    private static final String PROFILE = "{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"syscalls\":["
            + "{\"names\":[\"read\",\"write\"],\"action\":\"SCMP_ACT_ALLOW\"},"
            + "{\"names\":[\"read\"],\"action\":\"SCMP_ACT_ERRNO\"}]}";

    @AfterEach
    void forgetTheSuite() {
        SeccompSuiteContract.suite = null;
    }

    @Test
    void kindsEvidenceFromCrictlInspectSatisfiesKindsContract() {
        SeccompSuiteContract.suite = suiteWithProfileReadFrom("crictl inspect 0123abcd .info.runtimeSpec.linux.seccomp");
        assertThatCode(() -> new ReadingFrom("crictl inspect").theRuntimeProfileRefusesByDefaultAndLeavesKeyctlOut())
                .doesNotThrowAnyException();
    }

    @Test
    void evidenceFromAnotherSourceFailsTheContract() {
        SeccompSuiteContract.suite = suiteWithProfileReadFrom("crictl inspect 0123abcd .info.runtimeSpec.linux.seccomp");
        assertThatThrownBy(() -> new ReadingFrom("config.json").theRuntimeProfileRefusesByDefaultAndLeavesKeyctlOut())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("config.json");
    }

    @Test
    void countsThatDoNotMatchTheSpecFailTheContract() {
        SeccompSuiteContract.suite = suiteWithProfileReadFrom("crictl inspect x", "3 distinct syscalls allowed (0 of them only "
                + "with argument filters), 3 name entries in its rules");
        assertThatThrownBy(() -> new ReadingFrom("crictl inspect").theRuntimeProfileRefusesByDefaultAndLeavesKeyctlOut())
                .isInstanceOf(AssertionError.class);
    }

    private static SuiteResult suiteWithProfileReadFrom(String source) {
        return suiteWithProfileReadFrom(source, "2 distinct syscalls allowed (0 of them only with argument filters), "
                + "3 name entries in its rules");
    }

    private static SuiteResult suiteWithProfileReadFrom(String source, String counts) {
        CheckResult profile = new CheckResult("profile-inspection", "OCI runtime spec linux.seccomp",
                "defaultAction SCMP_ACT_ERRNO; keyctl not allowed",
                "defaultAction SCMP_ACT_ERRNO; keyctl not allowed; add_key not allowed; request_key not allowed; read allowed; "
                        + "write allowed; execve allowed; " + counts, Verdict.PASS,
                "read from " + source + "\n" + PROFILE);
        return new SuiteResult("test", "test", Instant.EPOCH, Duration.ZERO,
                List.of(new ScenarioResult("profile-inspection", "lesson", List.of(profile), Duration.ZERO)));
    }

    /** An environment's side of the contract, reduced to where it reads the spec. */
    private static final class ReadingFrom extends SeccompSuiteContract {
        private final String source;

        ReadingFrom(String source) {
            this.source = source;
        }

        @Override
        String profileSource() {
            return source;
        }

        @Override
        boolean privilegedNeedsEveryCapability() {
            return false;
        }

        @Override
        boolean hasPodSandboxes() {
            return true;
        }

        @Override
        boolean hasApiServer() {
            return true;
        }
    }
}
