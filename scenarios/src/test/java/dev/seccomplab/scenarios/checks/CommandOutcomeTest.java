package dev.seccomplab.scenarios.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seccomplab.environments.ExecResult;
import org.junit.jupiter.api.Test;

class CommandOutcomeTest {

    @Test
    void exitZeroSucceeds() {
        assertThat(CommandOutcome.of(new ExecResult(0, "Session Keyring\n", ""))).isEqualTo(CommandOutcome.succeeds());
    }

    @Test
    void theErrnoIsReadFromWhatTheProgramPrinted() {
        var keyctl = new ExecResult(1, "Session Keyring\n", "Unable to dump key: Operation not permitted\n");
        assertThat(CommandOutcome.of(keyctl)).isEqualTo(CommandOutcome.parse("EPERM"));
        assertThat(CommandOutcome.of(keyctl).describe()).isEqualTo("fails with EPERM (Operation not permitted)");
        assertThat(CommandOutcome.of(new ExecResult(1, "", "Unable to dump key: Function not implemented\n")))
                .isEqualTo(CommandOutcome.parse("ENOSYS"));
    }

    @Test
    void exitAbove128IsDeathByThatSignal() {
        CommandOutcome killed = CommandOutcome.of(new ExecResult(159, "", ""));
        assertThat(killed).isEqualTo(CommandOutcome.parse("SIGSYS"));
        assertThat(killed.describe()).isEqualTo("killed by SIGSYS (Bad system call, exit 159)");
    }

    @Test
    void aMissingProgramIsNotAnOutcomeOfTheLesson() {
        CommandOutcome missing = CommandOutcome.of(new ExecResult(127, "", "exec: \"nope\": executable file not found\n"));
        assertThat(missing.kind()).isEqualTo(CommandOutcome.Kind.NOT_FOUND);
        assertThatThrownBy(() -> CommandOutcomeCheck.of("nope", missing)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anExitWithNoKnownErrnoIsOther() {
        assertThat(CommandOutcome.of(new ExecResult(2, "usage", "")).describe()).isEqualTo("exits 2 with no errno or signal the lab can name");
    }

    @Test
    void parsingNamesWhatIsAllowed() {
        assertThat(CommandOutcome.parse("success")).isEqualTo(CommandOutcome.succeeds());
        assertThat(CommandOutcome.parse("eperm")).isEqualTo(CommandOutcome.parse("EPERM"));
        assertThatThrownBy(() -> CommandOutcome.parse("EPRM")).hasMessageStartingWith("'EPRM' is not an outcome the lab knows; "
                + "use success, errno (any), an errno (EPERM, EACCES");
    }

    @Test
    void anyErrnoAdmitsEveryErrnoAndNothingElse() {
        CommandOutcome any = CommandOutcome.parse("errno");
        assertThat(any).isEqualTo(CommandOutcome.anyErrno());
        assertThat(any.describe()).isEqualTo("fails with an errno");
        assertThat(any.admits(CommandOutcome.parse("EPERM"))).isTrue();
        assertThat(any.admits(CommandOutcome.parse("ENOSYS"))).isTrue();
        assertThat(any.admits(CommandOutcome.succeeds())).isFalse();
        assertThat(any.admits(CommandOutcome.parse("SIGSYS"))).isFalse();
        assertThat(CommandOutcome.parse("EPERM").admits(CommandOutcome.parse("ENOSYS"))).isFalse();
    }
}
