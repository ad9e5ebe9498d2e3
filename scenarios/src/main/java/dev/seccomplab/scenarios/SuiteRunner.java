package dev.seccomplab.scenarios;

import dev.seccomplab.environments.LabEnvironment;
import dev.seccomplab.environments.NodeSettingsReadOnlyException;
import dev.seccomplab.environments.Progress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs scenarios on one started environment. Scenarios that need the same node settings run
 * concurrently; the node is changed only between such groups, since a kubelet setting is shared
 * by every pod on the node, and is set back as it was at the end.
 */
public final class SuiteRunner {

    private final ScenarioRunner scenarioRunner;
    private final int parallelism;

    public SuiteRunner(ScenarioRunner scenarioRunner, int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        this.scenarioRunner = scenarioRunner;
        this.parallelism = parallelism;
    }

    public SuiteResult run(LabEnvironment environment, List<Scenario> scenarios, Progress progress) {
        Instant started = Instant.now();
        long start = System.nanoTime();
        Map<String, ScenarioResult> byName = new LinkedHashMap<>();
        boolean nodeAsFound = environment.readKubeletSettings().seccompDefault();
        try {
            for (Map.Entry<Boolean, List<Scenario>> group : groupByNodeSetting(scenarios).entrySet()) {
                for (ScenarioResult result : runGroup(environment, group.getKey(), group.getValue(), progress)) {
                    byName.put(result.scenario(), result);
                }
            }
        } finally {
            // The node is left as the suite found it: a trainee's kubelet configuration is theirs.
            ScenarioRunner.prepareNode(environment, nodeAsFound, progress);
        }
        List<ScenarioResult> ordered = scenarios.stream().map(s -> byName.get(s.name())).toList();
        return new SuiteResult(environment.name(), environment.description(), started,
                Duration.ofNanos(System.nanoTime() - start), ordered);
    }

    private List<ScenarioResult> runGroup(LabEnvironment environment, boolean seccompDefault, List<Scenario> group,
                                          Progress progress) {
        try {
            ScenarioRunner.prepareNode(environment, seccompDefault, progress);
        } catch (NodeSettingsReadOnlyException e) {
            return group.stream().map(s -> new ScenarioResult(s.name(), s.lesson(), ScenarioRunner.notRun(s, e), Duration.ZERO)).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, group.size()));
        try {
            List<Future<ScenarioResult>> futures = new ArrayList<>();
            for (Scenario scenario : group) {
                futures.add(pool.submit(() -> {
                    progress.step("started  " + scenario.name());
                    ScenarioResult result = scenarioRunner.run(environment, scenario);
                    progress.step("finished " + scenario.name() + " in " + result.duration().toMillis() + " ms: "
                            + (result.passed() ? "all checks passed" : "see the table"));
                    return result;
                }));
            }
            List<ScenarioResult> results = new ArrayList<>();
            for (Future<ScenarioResult> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the suite was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a scenario runner failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Groups keep catalogue order; the group of the node's usual setting (false) comes first. */
    private static Map<Boolean, List<Scenario>> groupByNodeSetting(List<Scenario> scenarios) {
        Map<Boolean, List<Scenario>> groups = new LinkedHashMap<>();
        groups.put(false, new ArrayList<>());
        groups.put(true, new ArrayList<>());
        scenarios.forEach(s -> groups.get(s.nodeSeccompDefault()).add(s));
        groups.values().removeIf(List::isEmpty);
        return groups;
    }
}
