package dev.seccomplab.notebook;

import dev.seccomplab.environments.CleanupOnExit;
import dev.seccomplab.environments.EnvironmentChoice;
import dev.seccomplab.environments.EnvironmentOptions;
import dev.seccomplab.environments.kind.KindOptions;
import dev.seccomplab.environments.HostLimitException;
import dev.seccomplab.environments.KubeletSettings;
import dev.seccomplab.environments.LabEnvironment;
import dev.seccomplab.environments.NodeSettingsReadOnlyException;
import dev.seccomplab.environments.RuntimeSeccompSpec;
import dev.seccomplab.environments.kubelet.PlaysTheKubelet;
import dev.seccomplab.environments.profile.SeccompProfileSummary;
import dev.seccomplab.report.ElapsedProgress;
import dev.seccomplab.scenarios.KeptProfileLesson;
import dev.seccomplab.scenarios.LabSession;
import dev.seccomplab.scenarios.Scenario;
import dev.seccomplab.scenarios.ScenarioCatalogue;
import dev.seccomplab.scenarios.ScenarioResult;
import dev.seccomplab.scenarios.practice.PracticeDirectory;
import dev.seccomplab.scenarios.practice.PracticeTasks;
import dev.seccomplab.scenarios.record.ProofScenario;
import dev.seccomplab.scenarios.record.RecordResult;
import dev.seccomplab.scenarios.record.RecordRun;
import dev.seccomplab.scenarios.record.Recording;
import dev.seccomplab.scenarios.record.Recordings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The {@code lab} object every notebook cell has. It renders what a {@link LabSession} returns; the
 * session, the scenario objects and their expected outcomes are the same as for {@code lab run}.
 * Nothing touches a runtime until a cell asks for it.
 */
public final class Lab implements AutoCloseable {

    static final Duration POD_TIMEOUT = Duration.ofMinutes(3);
    /** The environment a notebook gets unless a cell says otherwise: {@code lab notebooks run --env} sets it. */
    static final String ENVIRONMENT_VARIABLE = "SECCOMP_LAB_ENV";
    /** Where {@link #record} writes profiles, beside the notebook. */
    static final Path RECORDED = Path.of("recorded-profiles");

    private String choice;
    /** Where a trainee's practice files go, one folder per task, as {@code lab practice --dir}. */
    private volatile Path practiceRoot = Path.of("practice");
    /** Null until a cell needs them: working out the defaults loads the providers' libraries. */
    private EnvironmentOptions options;
    /** The session being started, or started; null before the first cell that needs it. */
    private CompletableFuture<LabSession> starting;
    private CleanupOnExit cleanup;

    private Lab(String choice) {
        this.choice = choice;
    }

    /** Cheap: the environment ({@code SECCOMP_LAB_ENV}, else auto) starts when a cell first needs it. */
    public static Lab create() {
        return create(Optional.ofNullable(System.getenv(ENVIRONMENT_VARIABLE)).filter(s -> !s.isBlank()).orElse(EnvironmentChoice.AUTO));
    }

    /** A lab on the named environment ({@code lab notebooks run --env}). */
    public static Lab create(String environment) {
        return new Lab(EnvironmentChoice.AUTO).use(environment);
    }

    /** Chooses where pods run: {@code auto}, {@code cri}, {@code docker}, {@code kind} or {@code cluster}. */
    public synchronized Lab use(String environmentName) {
        String wanted = EnvironmentChoice.known(environmentName);
        if (wanted.equals(choice)) {
            return this;
        }
        close();
        choice = wanted;
        System.out.println("environment: " + choice + " (it starts when a cell first needs it)");
        return this;
    }

    /** Options of the environment (a kubeconfig context, privileged pods on a cluster, …), for the next start. */
    public synchronized Lab options(EnvironmentOptions changed) {
        close();
        options = changed;
        return this;
    }

    public synchronized EnvironmentOptions options() {
        if (options == null) {
            options = EnvironmentOptions.defaults();
        }
        return options;
    }

    /** Keeps the kind cluster across kernel restarts (Testcontainers reuse); off by default. */
    public synchronized Lab reuseKindCluster(boolean keep) {
        options(options().with(KindOptions.in(options()).withReuse(keep)));
        System.out.println("kind cluster " + (keep ? "is kept" : "is removed") + " when the kernel stops (applies to the next start)");
        return this;
    }

    /** Starts the environment now, and says what it is and what differs from a real cluster. */
    public String environment() {
        LabEnvironment started = session().environment();
        LabView.environment(started);
        return started.name();
    }

    /** The chain a seccomp profile travels, as a picture. */
    public void chain() {
        LabView.chain();
    }

    /** Applies a scenario's workload afresh and waits until its pod runs. */
    public LabPod apply(String scenarioName) {
        Scenario scenario = catalogue().named(scenarioName);
        LabSession current = session();
        return new LabPod(current, Blocking.call(() -> current.apply(scenario, progress())));
    }

    /** The running pod a scenario or a manifest of this notebook started, by the scenario's or the workload's name. */
    public LabPod pod(String name) {
        LabSession current = session();
        return current.pod(name).or(() -> current.pod("manifest " + name))
                .map(pod -> new LabPod(current, pod))
                .orElseThrow(() -> new IllegalArgumentException("no pod named " + name + " in this notebook; "
                        + current.pods().stream().map(LabSession.SessionPod::origin).toList() + " are running"));
    }

    /** Applies every Pod and Deployment of the YAML ({@code %%manifest}); returns their pods. */
    public List<LabPod> applyYaml(String yaml) {
        LabSession current = session();
        List<LabPod> pods = Blocking.call(() -> current.applyManifest(yaml, "the cell's manifest")).stream()
                .map(pod -> new LabPod(current, pod)).toList();
        pods.forEach(pod -> System.out.println("started " + pod));
        return pods;
    }

    /**
     * Checks a scenario's expected outcomes on its pod and shows them. Run again after any other
     * cell, it gives the same verdict. A failed check fails the cell; a host limit does not.
     */
    public ScenarioResult expect(String scenarioName) {
        Scenario scenario = catalogue().named(scenarioName);
        LabSession current = session();
        return LabView.checksThatMustNotFail(Blocking.call(() -> current.expect(scenario, progress())));
    }

    /** Runs a whole scenario in its own workspace (apply, every check, clean-up) and shows its table. */
    public ScenarioResult run(String scenarioName) {
        Scenario scenario = catalogue().named(scenarioName);
        LabSession current = session();
        return LabView.checksThatMustNotFail(Blocking.call(() -> current.run(scenario, progress())));
    }

    /** The runtime's seccomp profile of a scenario's pod, summarised; null when the runtime attached none. */
    public SeccompProfileSummary profile(String scenarioName) {
        LabPod pod = podOf(scenarioName);
        RuntimeSeccompSpec spec = Blocking.call(pod::runtimeSeccomp);
        LabView.profile(pod.name(), spec);
        return spec.summary().orElse(null);
    }

    /** The same profile, read without showing it again: the cells after {@code %profile} show only their answer. */
    private SeccompProfileSummary profileQuietly(String scenarioName) {
        return Blocking.call(podOf(scenarioName)::runtimeSeccomp).summary().orElse(null);
    }

    /** Whether the runtime profile of a scenario's pod lets one syscall through, shown and returned. */
    public String allows(String scenarioName, String syscall) {
        SeccompProfileSummary summary = profileQuietly(scenarioName);
        String verdict = summary == null ? "allowed (no profile)" : summary.verdictFor(syscall).words();
        LabView.allows(syscall, verdict);
        return verdict;
    }

    /** What the runtime profile of a scenario's pod allows and refuses, by family of syscalls, as a chart. */
    public Map<String, ProfileChart.Family> profileChart(String scenarioName) {
        SeccompProfileSummary summary = profileQuietly(scenarioName);
        if (summary == null) {
            LabView.noProfile(scenarioName);
            return Map.of();
        }
        ProfileChart chart = ProfileChart.of(summary);
        LabView.chart(chart);
        return chart.families();
    }

    /**
     * Lesson 09, as {@code lab record} does it: records what a workload calls while it does its job,
     * shows the calls beside RuntimeDefault's count and as a chart, writes the profile under
     * {@code recorded-profiles/} beside the notebook, and proves it by running the workload again
     * under it. A proof that fails fails the cell; a host that cannot record says so and does not.
     */
    public void record(String recordingName) {
        Recording recording = Recordings.find(recordingName);
        LabSession current = session();
        RecordResult result;
        try {
            result = Blocking.call(() -> new RecordRun(POD_TIMEOUT).run(current.environment(), recording,
                    ProofScenario.defaultProfilePath(recording), progress()));
        } catch (HostLimitException e) {
            LabView.cannotRecord(e);
            return;
        }
        LabView.recorded(result, result.write(RECORDED, false).get(0));
        LabView.checksThatMustNotFail(result.proof());
    }

    /** The kubelet's settings as the node reports them now, and where they were read. */
    public KubeletSettings kubelet() {
        KubeletSettings settings = session().kubeletSettings();
        LabView.kubelet(settings);
        return settings;
    }

    /** Sets the kubelet's seccompDefault as an administrator would. Pods already running keep their profile. */
    public void seccompDefault(boolean on) {
        LabSession current = session();
        Blocking.call(() -> {
            current.setSeccompDefault(on, progress());
            return null;
        });
        kubelet();
    }

    /**
     * Lesson 05 on a real kubelet: a pod started before {@code seccompDefault: true} keeps no
     * filter, one started after gets RuntimeDefault; both checked on the kernel. Where the lab plays
     * the kubelet it says so and shows nothing, since that would show the lab's behaviour.
     */
    public void podsKeepTheirProfile() {
        LabSession current = session();
        if (current.environment() instanceof PlaysTheKubelet) {
            LabView.needsARealKubelet(current.environment());
            return;
        }
        try {
            Blocking.call(() -> KeptProfileLesson.run(current, catalogue().named("no-seccomp"), progress())).forEach(LabView::checksThatMustNotFail);
        } catch (NodeSettingsReadOnlyException e) {
            LabView.nodeReadOnly(e);
        }
    }

    /** Puts a Localhost profile where the kubelet looks for it; {@code localhostProfile: <path>} then names it. */
    public void installProfile(String path, String json) {
        LabSession current = session();
        Blocking.call(() -> {
            current.installLocalhostProfile(path, json);
            return null;
        });
        System.out.println("installed Localhost profile " + path);
    }

    /** Where the practice tasks' files go from now on ({@code practice/} beside the notebook unless set). */
    public synchronized Lab practiceFiles(String folder) {
        practiceRoot = Path.of(folder);
        return this;
    }

    /** A built-in CKS-style practice task, its files under {@code practice/} beside the notebook; as {@code lab practice} does. */
    public Practice practice(String taskName) {
        return practice(PracticeTasks.builtIn(), taskName);
    }

    /** A task of an instructor's own, from a task's folder or a folder of them; as {@code lab practice --tasks DIR} does. */
    public Practice practice(String tasksFolder, String taskName) {
        return practice(PracticeTasks.in(Path.of(tasksFolder)), taskName);
    }

    private Practice practice(PracticeTasks tasks, String taskName) {
        return new Practice(new PracticeDirectory(practiceRoot, tasks.named(taskName)), this::session, progress());
    }

    /** The built-in practice tasks, and how far this notebook's directory got with each. */
    public void practiceTasks() {
        LabView.practiceTasks(PracticeTasks.builtIn().all(), practiceRoot);
    }

    /** The pods this notebook started, with where they run. */
    public void pods() {
        LabView.pods(startedSession().map(LabSession::pods).orElse(List.of()));
    }

    /** Every scenario the lab knows, with its lesson. */
    public void scenarios() {
        LabView.scenarios(catalogue().all());
    }

    /** Removes this notebook's pods and stops the environment; a start still under way is undone when it ends. */
    @Override
    public void close() {
        CompletableFuture<LabSession> current;
        CleanupOnExit hook;
        synchronized (this) {
            current = starting;
            hook = cleanup;
            starting = null;
            cleanup = null;
        }
        if (current != null) {
            current.thenAccept(session -> {
                session.close();
                session.environment().close();
            });
        }
        if (hook != null) {
            hook.close();
        }
    }

    @Override
    public synchronized String toString() {
        return "lab (" + startedSession().map(s -> s.environment().description()).orElse(choice + ", not started") + ")";
    }

    private synchronized Optional<LabSession> startedSession() {
        return starting != null && starting.isDone() && !starting.isCompletedExceptionally()
                ? Optional.of(starting.join()) : Optional.empty();
    }

    /** The scenario's pod in this session, started first when there is none. */
    private LabPod podOf(String scenarioName) {
        Scenario scenario = catalogue().named(scenarioName);
        LabSession current = session();
        return current.pod(scenario.name()).map(pod -> new LabPod(current, pod)).orElseGet(() -> apply(scenarioName));
    }

    /**
     * The session, with its environment started on first use. The start runs on a worker: a cell
     * interrupted meanwhile leaves it running, and the next cell waits for the same start. A start
     * that fails leaves nothing running, and the next cell tries again.
     */
    private LabSession session() {
        CompletableFuture<LabSession> current;
        synchronized (this) {
            if (starting == null) {
                starting = Blocking.start(this::startSession);
            }
            current = starting;
        }
        try {
            return Blocking.await(current);
        } catch (RuntimeException e) {
            synchronized (this) {
                if (starting == current && current.isCompletedExceptionally()) {
                    starting = null;
                }
            }
            throw e;
        }
    }

    private LabSession startSession() {
        EnvironmentChoice.Selection selection = EnvironmentChoice.select(choice, options());
        LabEnvironment environment = selection.environment();
        progress().step("environment " + environment.name() + ": " + selection.reason());
        CleanupOnExit hook = CleanupOnExit.register("notebook", environment::close);
        try {
            environment.start(progress());
        } catch (RuntimeException e) {
            environment.close();
            hook.close();
            throw e;
        }
        synchronized (this) {
            cleanup = hook;
        }
        return new LabSession(environment, POD_TIMEOUT);
    }

    private static ElapsedProgress progress() {
        return new ElapsedProgress(new PrintWriter(System.out, true));
    }

    /**
     * Read on first use, not when the notebook's {@code lab} is made: parsing the scenario files
     * would otherwise delay a notebook's first cell, whatever it does.
     */
    private static ScenarioCatalogue catalogue() {
        return ScenarioCatalogue.builtIn();
    }
}
