package dev.seccomplab.notebook;

import dev.seccomplab.environments.EnvironmentChoice;
import dev.seccomplab.environments.EnvironmentOptions;
import dev.seccomplab.environments.LabEnvironment;
import dev.seccomplab.environments.Manifests;
import dev.seccomplab.environments.PodHandle;
import dev.seccomplab.environments.RuntimeSeccompSpec;
import dev.seccomplab.environments.Workspace;
import dev.seccomplab.environments.profile.SeccompProfileSummary;
import dev.seccomplab.report.CheckTableHtml;
import dev.seccomplab.report.ElapsedProgress;
import dev.seccomplab.scenarios.CheckResult;
import dev.seccomplab.scenarios.Scenario;
import dev.seccomplab.scenarios.ScenarioCatalogue;
import dev.seccomplab.scenarios.ScenarioResult;
import dev.seccomplab.scenarios.ScenarioRunner;
import dev.seccomplab.scenarios.Verdict;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code lab} object every notebook cell has. It uses the same scenario objects as the JUnit
 * suites and {@code lab run}, so a lesson's expected outcomes are written once. Nothing touches
 * Docker or a cluster until a cell asks for it.
 */
public final class Lab implements AutoCloseable {

    static final Duration POD_TIMEOUT = Duration.ofMinutes(3);

    private String choice = EnvironmentChoice.AUTO;
    private EnvironmentOptions options = EnvironmentOptions.defaults();
    private LabEnvironment environment;
    private final Map<String, LabPod> pods = new LinkedHashMap<>();

    private Lab() {
    }

    /** Cheap: the environment starts when a cell first needs it. */
    public static Lab create() {
        Lab lab = new Lab();
        Runtime.getRuntime().addShutdownHook(new Thread(lab::close, "seccomp-lab-notebook-cleanup"));
        return lab;
    }

    /** Chooses where pods run: {@code auto}, {@code cri}, {@code docker}, {@code kind} or {@code cluster}. */
    public synchronized Lab use(String environmentName) {
        String wanted = environmentName.strip().toLowerCase(Locale.ROOT);
        if (!EnvironmentChoice.names().contains(wanted)) {
            throw new IllegalArgumentException("unknown environment '" + environmentName + "'; choose one of "
                    + EnvironmentChoice.names());
        }
        if (!wanted.equals(choice)) {
            close();
            choice = wanted;
        }
        System.out.println("environment: " + choice + " (it starts when a cell first needs it)");
        return this;
    }

    /**
     * Keeps the kind cluster across kernel restarts (Testcontainers reuse, which also needs
     * {@code testcontainers.reuse.enable=true} in ~/.testcontainers.properties). Off by default;
     * {@code ./lab down} removes a kept cluster.
     */
    public synchronized Lab reuseKindCluster(boolean keep) {
        options = options.withReuseKind(keep);
        System.out.println("kind cluster " + (keep ? "is kept" : "is removed") + " when the kernel stops (applies to the next start)");
        return this;
    }

    /** Applies a scenario's Deployment in a fresh workspace and waits until its pod runs. */
    public synchronized LabPod apply(String scenarioName) {
        Scenario scenario = ScenarioCatalogue.named(scenarioName);
        return Blocking.call(() -> {
            LabEnvironment env = environment();
            ScenarioRunner.prepareNode(env, scenario.nodeSeccompDefault(), progress());
            return start(scenario.name(), env, scenario.deployment());
        });
    }

    /** Applies a Deployment written in the cell ({@code %%manifest}). */
    public synchronized LabPod applyYaml(String yaml) {
        Deployment deployment = Manifests.parseDeployment(yaml, "the cell's manifest");
        return Blocking.call(() -> start("manifest " + deployment.getMetadata().getName(), environment(), deployment));
    }

    /**
     * Runs the scenario's checks against its pod (applied first if needed) and shows them. A failed
     * check makes the cell fail; a host limit is shown but is not a failure of the lesson.
     */
    public synchronized List<CheckResult> expect(String scenarioName) {
        Scenario scenario = ScenarioCatalogue.named(scenarioName);
        LabPod pod = pods.get(scenario.name());
        if (pod == null) {
            try {
                pod = apply(scenario.name());
            } catch (RuntimeException podDidNotStart) {
                return show(new ScenarioResult(scenario.name(), scenario.lesson(),
                        ScenarioRunner.notRun(scenario, podDidNotStart), Duration.ZERO));
            }
        }
        LabPod running = pod;
        List<CheckResult> results = Blocking.call(
                () -> ScenarioRunner.checkRunningPod(running.environment(), running.workspace(), running.handle(), scenario));
        return show(new ScenarioResult(scenario.name(), scenario.lesson(), results, Duration.ZERO));
    }

    /** Runs a whole scenario in its own workspace (apply, every check, clean-up) and shows its table. */
    public synchronized List<CheckResult> run(String scenarioName) {
        Scenario scenario = ScenarioCatalogue.named(scenarioName);
        ScenarioResult result = Blocking.call(() -> {
            LabEnvironment env = environment();
            ScenarioRunner.prepareNode(env, scenario.nodeSeccompDefault(), progress());
            return new ScenarioRunner(POD_TIMEOUT).run(env, scenario);
        });
        return show(result);
    }

    /** The runtime's seccomp profile of a scenario's pod, summarised; {@code allows} says whether a syscall gets through. */
    public synchronized SeccompProfileSummary profile(String scenarioName) {
        Scenario scenario = ScenarioCatalogue.named(scenarioName);
        LabPod pod = pods.containsKey(scenario.name()) ? pods.get(scenario.name()) : apply(scenarioName);
        RuntimeSeccompSpec spec = Blocking.call(() -> pod.workspace().runtimeSeccomp(pod.handle(), pod.handle().mainContainer()));
        if (spec.summary().isEmpty()) {
            Display.markdown("The runtime attached **no seccomp profile** to `" + pod.name() + "` (read from `" + spec.source() + "`).");
            return null;
        }
        SeccompProfileSummary summary = spec.summary().get();
        Display.markdown("Runtime profile of `" + pod.name() + "` (read from `" + spec.source() + "`)\n\n"
                + "| | |\n|---|---|\n"
                + "| default action | `" + summary.defaultAction() + "` |\n"
                + "| distinct syscalls allowed | " + summary.distinctAllowedCount() + " (" + summary.conditionallyAllowed().size()
                + " only with argument filters) |\n"
                + "| name entries in its rules | " + summary.ruleEntries() + " |\n"
                + "| `keyctl` | " + verdictWords(summary.verdictFor("keyctl")) + " |\n");
        return summary;
    }

    /** Whether the runtime profile of a scenario's pod lets one syscall through, shown and returned. */
    public synchronized String allows(String scenarioName, String syscall) {
        SeccompProfileSummary summary = profile(scenarioName);
        String verdict = summary == null ? "allowed (no profile)" : verdictWords(summary.verdictFor(syscall));
        Display.markdown("`" + syscall + "`: " + verdict);
        return verdict;
    }

    /** The pods this notebook started, with where they run. */
    public synchronized void pods() {
        if (pods.isEmpty()) {
            Display.markdown("No lab pods yet: `lab.apply(\"runtime-default\")` starts one.");
            return;
        }
        Display.markdown("| applied as | pod | workspace | environment |\n|---|---|---|---|\n" + pods.entrySet().stream()
                .map(e -> "| " + e.getKey() + " | `" + e.getValue().name() + "` | " + e.getValue().workspace().name() + " | "
                        + e.getValue().environment().name() + " |")
                .collect(Collectors.joining("\n")));
    }

    /** Every scenario the lab knows, with its lesson. */
    public void scenarios() {
        Display.markdown("| scenario | lesson |\n|---|---|\n" + ScenarioCatalogue.all().stream()
                .map(s -> "| `" + s.name() + "` | " + s.lesson() + " |").collect(Collectors.joining("\n")));
    }

    @Override
    public synchronized void close() {
        pods.values().forEach(LabPod::close);
        pods.clear();
        if (environment != null) {
            environment.close();
            environment = null;
        }
    }

    @Override
    public String toString() {
        return "lab (" + (environment == null ? choice + ", not started" : environment.description()) + ")";
    }

    private LabPod start(String origin, LabEnvironment env, Deployment deployment) {
        LabPod previous = pods.remove(origin);
        if (previous != null) {
            previous.close();
        }
        Workspace workspace = env.openWorkspace(origin.replaceAll("[^a-z0-9-]", "-"));
        workspace.apply(deployment);
        PodHandle handle = workspace.waitUntilRunning(deployment.getMetadata().getName(), POD_TIMEOUT);
        LabPod pod = new LabPod(origin, env, workspace, handle);
        pods.put(origin, pod);
        return pod;
    }

    private LabEnvironment environment() {
        if (environment == null) {
            EnvironmentChoice.Selection selection = EnvironmentChoice.select(choice, options);
            progress().step("environment " + selection.environment().name() + ": " + selection.reason());
            selection.environment().start(progress());
            environment = selection.environment();
        }
        return environment;
    }

    private static ElapsedProgress progress() {
        return new ElapsedProgress(new PrintWriter(System.out, true));
    }

    /** Shows checks as a table; a failed or unobservable check then fails the cell. Host limits do not. */
    static List<CheckResult> show(ScenarioResult result) {
        Display.html(CheckTableHtml.table(List.of(result)));
        List<CheckResult> failed = result.checks().stream()
                .filter(c -> c.verdict() == Verdict.FAIL || c.verdict() == Verdict.ERROR)
                .toList();
        if (!failed.isEmpty()) {
            throw new ExpectationFailed(failed.stream()
                    .map(c -> c.scenario() + " / " + c.check() + ": expected " + c.expected() + ", observed " + c.observed())
                    .collect(Collectors.joining("; ")));
        }
        return result.checks();
    }

    private static String verdictWords(SeccompProfileSummary.Verdict verdict) {
        return verdict.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
