package dev.seccomplab.scenarios.checks;

import dev.seccomplab.environments.ExecResult;
import dev.seccomplab.scenarios.CheckResult;
import dev.seccomplab.scenarios.Verdict;
import java.util.List;

/**
 * A command run in the pod, like {@code kubectl exec}, and how it ended: {@code keyctl show} fails
 * with EPERM under the runtime's default profile; {@code uname} is killed by SIGSYS under a profile
 * that kills it.
 *
 * @param command the command's words, run without a shell
 */
public record CommandOutcomeCheck(List<String> command, CommandOutcome expectedOutcome) implements Check {

    public CommandOutcomeCheck {
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("a command check needs a command");
        }
        if (expectedOutcome.kind() == CommandOutcome.Kind.OTHER || expectedOutcome.kind() == CommandOutcome.Kind.NOT_FOUND) {
            throw new IllegalArgumentException("a lesson expects success, an errno or a signal");
        }
    }

    /** Splits on spaces: the lab's commands take no quoting. */
    public static CommandOutcomeCheck of(String commandLine, CommandOutcome expected) {
        return new CommandOutcomeCheck(List.of(commandLine.strip().split("\\s+")), expected);
    }

    @Override
    public String name() {
        return String.join(" ", command);
    }

    @Override
    public String expected() {
        return expectedOutcome.describe();
    }

    @Override
    public CheckResult evaluate(CheckContext context) {
        ExecResult result = context.execInPod(command.toArray(String[]::new));
        CommandOutcome observed = CommandOutcome.of(result);
        Verdict verdict = expectedOutcome.admits(observed) ? Verdict.PASS
                : observed.kind() == CommandOutcome.Kind.NOT_FOUND ? Verdict.ERROR : Verdict.FAIL;
        return context.result(this, observed.describe(), verdict, result.transcript());
    }
}
