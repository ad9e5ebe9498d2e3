package dev.seccomplab.scenarios.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seccomplab.environments.ExecResult;
import org.junit.jupiter.api.Test;

class KeyctlOutcomeTest {

    @Test
    void aListedSessionKeyringIsAllowed() {
        var result = new ExecResult(0, "Session Keyring\n 857262715 --alswrv      0     0  keyring: _ses\n", "");
        assertThat(KeyctlOutcome.classify(result)).isEqualTo(KeyctlOutcome.ALLOWED);
    }

    @Test
    void epermIsBlocked() {
        var result = new ExecResult(1, "Session Keyring\n", "Unable to dump key: Operation not permitted\n");
        assertThat(KeyctlOutcome.classify(result)).isEqualTo(KeyctlOutcome.BLOCKED);
    }

    @Test
    void aMissingProgramOrAnotherErrnoIsInconclusive() {
        assertThat(KeyctlOutcome.classify(new ExecResult(127, "", "sh: keyctl: not found\n")))
                .isEqualTo(KeyctlOutcome.INCONCLUSIVE);
        assertThat(KeyctlOutcome.classify(new ExecResult(1, "", "Unable to dump key: Function not implemented\n")))
                .isEqualTo(KeyctlOutcome.INCONCLUSIVE);
    }

    @Test
    void epermWithExitZeroIsNotABlock() {
        assertThat(KeyctlOutcome.classify(new ExecResult(0, "Operation not permitted", "")))
                .isEqualTo(KeyctlOutcome.INCONCLUSIVE);
    }

    @Test
    void aLessonCannotExpectAnInconclusiveOutcome() {
        assertThatThrownBy(() -> new KeyctlCheck(KeyctlOutcome.INCONCLUSIVE)).isInstanceOf(IllegalArgumentException.class);
    }
}
