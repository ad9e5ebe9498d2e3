package dev.seccomplab.notebook;

import dev.seccomplab.environments.ExecResult;
import dev.seccomplab.environments.RuntimeSeccompSpec;
import dev.seccomplab.scenarios.ScenarioResult;
import dev.seccomplab.scenarios.LabSession;
import dev.seccomplab.scenarios.checks.Check;
import java.util.List;

/** A running pod in a notebook: run commands in it, as with {@code kubectl exec}, and check it. */
public final class LabPod {

    private final LabSession session;
    private final LabSession.SessionPod pod;

    LabPod(LabSession session, LabSession.SessionPod pod) {
        this.session = session;
        this.pod = pod;
    }

    /** Runs a command (words split on spaces, no shell), shows its output as one output, and returns it. */
    public ExecResult exec(String commandLine) {
        return exec(commandLine.trim().split("\\s+"));
    }

    public ExecResult exec(String... command) {
        ExecResult result = Blocking.call(() -> session.exec(pod, command));
        Display.text("$ " + String.join(" ", command) + "\n" + result.transcript());
        return result;
    }

    /** Checks of your own against this pod, shown like a scenario's; a failed one fails the cell. */
    public ScenarioResult expect(Check... checks) {
        return LabView.checksThatMustNotFail(Blocking.call(() -> session.check(pod, "checks written in the notebook", List.of(checks))));
    }

    public String name() {
        return pod.name();
    }

    RuntimeSeccompSpec runtimeSeccomp() {
        return session.runtimeSeccomp(pod);
    }

    @Override
    public String toString() {
        return "pod " + pod.name() + " (" + pod.origin() + ", on " + session.environment().name() + ")";
    }
}
