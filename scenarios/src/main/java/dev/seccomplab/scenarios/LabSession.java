package dev.seccomplab.scenarios;

import dev.seccomplab.environments.ExecResult;
import dev.seccomplab.environments.KubeletSettings;
import dev.seccomplab.environments.LabEnvironment;
import dev.seccomplab.environments.Manifests;
import dev.seccomplab.environments.PodHandle;
import dev.seccomplab.environments.Progress;
import dev.seccomplab.environments.RuntimeSeccompSpec;
import dev.seccomplab.environments.Workload;
import dev.seccomplab.environments.Workspace;
import dev.seccomplab.scenarios.checks.Check;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One user's lab on one started environment: the pods applied so far, each with the node setting
 * it was started under. Every front end drives this object and only renders what it returns:
 * {@code lab run}, a notebook's {@code lab}, {@code lab notebooks run}, the practice graders.
 *
 * <p>A pod's seccomp profile is fixed when it starts, from the kubelet's {@code seccompDefault} of
 * that moment. So before checking a scenario on its pod, the session sets the node as the
 * scenario needs and starts the pod again if it was started under another setting: running the
 * checks again, after any other, gives the same verdict. Calls are serialised, so a call still
 * finishing after an interrupted cell cannot interleave with the next one. Closing the session
 * sets the node back as it was found.
 */
public final class LabSession implements AutoCloseable {

    private final LabEnvironment environment;
    private final ScenarioRunner runner;
    private final Map<String, SessionPod> pods = new LinkedHashMap<>();
    private final boolean nodeAsFound;

    /** A pod of this session. */
    public record SessionPod(String origin, Workspace workspace, PodHandle handle, boolean startedUnderSeccompDefault) {

        public String name() {
            return handle.name();
        }
    }

    /** @param environment already started; the session closes its pods, not the environment */
    public LabSession(LabEnvironment environment, Duration podTimeout) {
        this.environment = environment;
        this.runner = new ScenarioRunner(podTimeout);
        this.nodeAsFound = environment.readKubeletSettings().seccompDefault();
    }

    public LabEnvironment environment() {
        return environment;
    }

    /** Starts the scenario's pod afresh, on a node set as the scenario needs. */
    public synchronized SessionPod apply(Scenario scenario, Progress progress) {
        ScenarioRunner.prepareNode(environment, scenario.nodeSeccompDefault(), progress);
        return start(scenario.name(), scenario.nodeSeccompDefault(), name -> ScenarioRunner.openWorkspace(environment, name, scenario),
                workspace -> ScenarioRunner.startPod(environment, workspace, scenario, runner.podTimeout()));
    }

    /**
     * Checks the scenario's expected outcomes on its pod: the node set as the scenario needs, and
     * the pod started (again) when it is missing or was started under another setting.
     */
    public synchronized ScenarioResult expect(Scenario scenario, Progress progress) {
        long start = System.nanoTime();
        SessionPod pod = pods.get(scenario.name());
        try {
            ScenarioRunner.prepareNode(environment, scenario.nodeSeccompDefault(), progress);
            if (pod == null || pod.startedUnderSeccompDefault() != scenario.nodeSeccompDefault()) {
                if (pod != null) {
                    progress.step("starting " + scenario.name() + " again: its pod was started under seccompDefault: "
                            + pod.startedUnderSeccompDefault());
                }
                pod = apply(scenario, progress);
            }
        } catch (RuntimeException podDidNotStart) {
            return result(scenario, ScenarioRunner.notRun(scenario, podDidNotStart), start);
        }
        return result(scenario, ScenarioRunner.checkRunningPod(environment, pod.workspace(), pod.handle(), scenario.name(),
                scenario.checks()), start);
    }

    /** A whole scenario in a workspace of its own, removed afterwards, on a node set as it needs. */
    public synchronized ScenarioResult run(Scenario scenario, Progress progress) {
        ScenarioRunner.prepareNode(environment, scenario.nodeSeccompDefault(), progress);
        return runner.run(environment, scenario);
    }

    /** Scenarios grouped by node setting and run concurrently; the node is set back as found. */
    public synchronized SuiteResult runSuite(List<Scenario> scenarios, int parallelism, Progress progress) {
        return new SuiteRunner(runner, parallelism).run(environment, scenarios, progress);
    }

    /** Every Pod and Deployment of the YAML, each started as a pod of its own on the node as it is. */
    public synchronized List<SessionPod> applyManifest(String yaml, String source) {
        List<SessionPod> started = new ArrayList<>();
        for (Workload workload : Manifests.parseWorkloads(yaml, source)) {
            started.add(applyWorkload(workload, "manifest " + workload.name()));
        }
        return started;
    }

    /** One workload started as a pod of its own on the node as it is, replacing what the origin started before. */
    public synchronized SessionPod applyWorkload(Workload workload, String origin) {
        return start(origin, environment.readKubeletSettings().seccompDefault(), environment::openWorkspace,
                workspace -> workspace.start(workload, runner.podTimeout()));
    }

    /**
     * A workload somebody applied to an existing namespace (a trainee, with kubectl), found by name
     * once its pod runs; the session leaves it where it is when it closes.
     */
    public synchronized SessionPod useRunning(String namespace, String workloadName, String origin) {
        return start(origin, environment.readKubeletSettings().seccompDefault(), ignored -> environment.attachNamespace(namespace),
                workspace -> workspace.awaitRunning(workloadName, runner.podTimeout()));
    }

    /** Checks of the caller's own on one of this session's pods. */
    public synchronized ScenarioResult check(SessionPod pod, String title, List<Check> checks) {
        long start = System.nanoTime();
        return new ScenarioResult(pod.origin(), title, ScenarioRunner.checkRunningPod(environment, pod.workspace(), pod.handle(),
                pod.origin(), checks), Duration.ofNanos(System.nanoTime() - start));
    }

    public ExecResult exec(SessionPod pod, String... command) {
        return pod.workspace().exec(pod.handle(), pod.handle().mainContainer(), command);
    }

    public RuntimeSeccompSpec runtimeSeccomp(SessionPod pod) {
        return pod.workspace().runtimeSeccomp(pod.handle(), pod.handle().mainContainer());
    }

    /** The pod a scenario or manifest started, if it still runs in this session. */
    public synchronized Optional<SessionPod> pod(String origin) {
        return Optional.ofNullable(pods.get(origin));
    }

    public synchronized List<SessionPod> pods() {
        return List.copyOf(pods.values());
    }

    public KubeletSettings kubeletSettings() {
        return environment.readKubeletSettings();
    }

    /** Changes the node's seccompDefault as an administrator would; pods already running keep their profile. */
    public synchronized void setSeccompDefault(boolean seccompDefault, Progress progress) {
        ScenarioRunner.prepareNode(environment, seccompDefault, progress);
    }

    public void installLocalhostProfile(String relativePath, String json) {
        environment.installLocalhostProfile(relativePath, json);
    }

    /** Removes every pod of the session and sets the node back as the session found it. The environment stays up. */
    @Override
    public synchronized void close() {
        pods.values().forEach(pod -> pod.workspace().close());
        pods.clear();
        ScenarioRunner.prepareNode(environment, nodeAsFound, Progress.SILENT);
    }

    private SessionPod start(String origin, boolean seccompDefault, Function<String, Workspace> opener,
                             Function<Workspace, PodHandle> starter) {
        SessionPod previous = pods.remove(origin);
        if (previous != null) {
            previous.workspace().close();
        }
        Workspace workspace = opener.apply(origin.replaceAll("[^a-z0-9-]", "-"));
        try {
            SessionPod pod = new SessionPod(origin, workspace, starter.apply(workspace), seccompDefault);
            pods.put(origin, pod);
            return pod;
        } catch (RuntimeException e) {
            workspace.close();
            throw e;
        }
    }

    private static ScenarioResult result(Scenario scenario, List<CheckResult> checks, long startNanos) {
        return new ScenarioResult(scenario.name(), scenario.lesson(), checks, Duration.ofNanos(System.nanoTime() - startNanos));
    }
}
