package dev.seccomplab.notebook;

import dev.seccomplab.environments.HostLimitException;
import dev.seccomplab.environments.KubeletSettings;
import dev.seccomplab.environments.LabEnvironment;
import dev.seccomplab.environments.NodeSettingsReadOnlyException;
import dev.seccomplab.environments.RuntimeSeccompSpec;
import dev.seccomplab.environments.profile.SeccompProfileSummary;
import dev.seccomplab.report.CheckTableHtml;
import dev.seccomplab.report.ConsoleReport;
import dev.seccomplab.scenarios.LabSession.SessionPod;
import dev.seccomplab.scenarios.Outcome;
import dev.seccomplab.scenarios.Scenario;
import dev.seccomplab.scenarios.ScenarioResult;
import dev.seccomplab.scenarios.Verdict;
import dev.seccomplab.scenarios.practice.PracticeDirectory;
import dev.seccomplab.scenarios.practice.PracticeTask;
import dev.seccomplab.scenarios.record.RecordResult;
import dev.seccomplab.scenarios.record.RecordedCalls;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How a notebook shows what the session returns: tables, profiles, charts and short notes. The
 * {@code lab} object keeps the notebook's lifecycle and calls these; nothing here starts anything.
 */
final class LabView {

    private LabView() {
    }

    /** The check table, whatever the verdicts. */
    static void checks(ScenarioResult result) {
        Display.bundle(Map.of("text/html", CheckTableHtml.table(List.of(result)), "text/plain", ConsoleReport.table(result.checks())));
    }

    /** The check table; then a failed or unobservable check fails the cell, as the result's outcome says. Host limits do not. */
    static ScenarioResult checksThatMustNotFail(ScenarioResult result) {
        checks(result);
        if (result.outcome() == Outcome.FAILED) {
            throw new ExpectationFailed(result.checks().stream()
                    .filter(c -> c.verdict() == Verdict.FAIL || c.verdict() == Verdict.ERROR)
                    .map(c -> c.scenario() + " / " + c.check() + ": expected " + c.expected() + ", observed " + c.observed())
                    .collect(Collectors.joining("; ")));
        }
        return result;
    }

    static void environment(LabEnvironment started) {
        Display.markdown("**Environment:** `" + started.name() + "`, " + started.description() + "\n\n"
                + "**Compared with a Kubernetes cluster:** " + started.comparedWithACluster());
    }

    static void chain() {
        Display.bundle(Map.of("image/svg+xml", ChainDiagram.svg(), "text/plain", ChainDiagram.text()));
    }

    static void profile(String pod, RuntimeSeccompSpec spec) {
        if (spec.summary().isEmpty()) {
            Display.markdown("The runtime attached **no seccomp profile** to `" + pod + "` (read from `" + spec.source() + "`).");
            return;
        }
        SeccompProfileSummary summary = spec.summary().get();
        Display.markdown("Runtime profile of `" + pod + "` (read from `" + spec.source() + "`)\n\n"
                + "| property | value |\n|---|---|\n"
                + "| default action | `" + summary.defaultAction() + "` |\n"
                + "| distinct syscalls allowed | " + summary.distinctAllowedCount() + " (" + summary.conditionallyAllowed().size()
                + " only with argument filters) |\n"
                + "| name entries in its rules | " + summary.ruleEntries() + " |\n"
                + "| `keyctl` | " + summary.verdictFor("keyctl").words() + " |\n");
    }

    static void noProfile(String scenario) {
        Display.markdown("The runtime attached **no seccomp profile** to the pod of `" + scenario + "`: every call is allowed.");
    }

    static void allows(String syscall, String verdict) {
        Display.markdown("`" + syscall + "`: " + verdict);
    }

    static void chart(ProfileChart chart) {
        Display.bundle(Map.of("image/svg+xml", chart.svg(), "text/plain", chart.text()));
    }

    /** What a recording saw, beside RuntimeDefault's count, and its profile as a chart by family. */
    static void recorded(RecordResult result, Path written) {
        RecordedCalls calls = result.calls();
        Display.markdown("**" + calls.summary() + ".** Profile written to `" + written + "`, allowing only these, each with how "
                + "often it was made:\n\n" + calls.calls().entrySet().stream().map(call -> "`" + call.getKey() + "` " + call.getValue())
                .collect(Collectors.joining(", ")) + "\n\nSeen by: " + calls.evidence() + ".");
        chart(ProfileChart.of(SeccompProfileSummary.of(result.profile().jsonTree())));
        Display.markdown("**Proof:** " + calls.recording() + " again, " + result.proof().title());
    }

    static void cannotRecord(HostLimitException e) {
        Display.markdown("**Cannot record here** (a limit of this host, not of the lesson): " + e.getMessage());
    }

    static void kubelet(KubeletSettings settings) {
        Display.bundle(Map.of("text/markdown", "`seccompDefault: " + settings.seccompDefault() + "` (read from " + settings.source() + ")",
                "text/plain", settings.toString()));
    }

    static void needsARealKubelet(LabEnvironment environment) {
        Display.markdown("**This step needs a real kubelet.** Here (`" + environment.name() + "`) the lab stands in "
                + "for the kubelet, so a pod that kept its profile would show what the lab does, not what a kubelet does. "
                + "Run this notebook on `local` (after `./lab cluster build`, with `SECCOMP_LAB_ENV=local`) or `kind` to see it.");
    }

    static void nodeReadOnly(NodeSettingsReadOnlyException e) {
        Display.markdown("**This step changes the node's kubelet, and this node may not be changed here:** " + e.getMessage());
    }

    static void practiceTasks(List<PracticeTask> tasks, Path practiceRoot) {
        Display.markdown("| task | status | title |\n|---|---|---|\n" + tasks.stream()
                .map(task -> "| `" + task.name() + "` | " + new PracticeDirectory(practiceRoot, task).status().words() + " | " + task.title() + " |")
                .collect(Collectors.joining("\n")));
    }

    static void pods(List<SessionPod> pods) {
        if (pods.isEmpty()) {
            Display.markdown("No lab pods yet: `lab.apply(\"runtime-default\")` starts one.");
            return;
        }
        Display.markdown("| applied as | pod | workspace |\n|---|---|---|\n" + pods.stream()
                .map(pod -> "| " + pod.origin() + " | `" + pod.name() + "` | " + pod.workspace().name() + " |")
                .collect(Collectors.joining("\n")));
    }

    static void scenarios(List<Scenario> scenarios) {
        Display.markdown("| scenario | lesson |\n|---|---|\n" + scenarios.stream()
                .map(s -> "| `" + s.name() + "` | " + s.lesson() + " |").collect(Collectors.joining("\n")));
    }
}
