package dev.seccomplab.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seccomplab.environments.LabEnvironment;
import dev.seccomplab.environments.Progress;
import dev.seccomplab.environments.binaries.KubernetesBinaries;
import dev.seccomplab.environments.cluster.ClusterEnvironment;
import dev.seccomplab.environments.cri.CriEnvironment;
import dev.seccomplab.environments.engine.DockerEngine;
import dev.seccomplab.environments.kind.KindEnvironment;
import dev.seccomplab.environments.kind.KindNodeChoice;
import dev.seccomplab.environments.kind.nodeimage.KindNodeImageBuild;
import dev.seccomplab.environments.kubelet.LabKubelet;
import dev.seccomplab.environments.local.LocalEnvironment;
import dev.seccomplab.environments.testing.Requirement;
import dev.seccomplab.environments.testing.RequiresCri;
import dev.seccomplab.environments.testing.RequiresLocal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same scenario objects give the same verdicts everywhere: the whole catalogue where the lab
 * plays the kubelet (cri), on a real kubelet and API server (local, and kind), and through the
 * cluster environment against that same local cluster, which sees it only through its kubeconfig.
 */
@ExtendWith({RequiresCri.class, RequiresLocal.class})
class VerdictsAgreeIT {

    /** Scenarios whose namespace enforces a Pod Security Standard: only an API server can judge them. */
    static final Set<String> ADMISSION = Set.of("baseline-refuses-privileged", "baseline-refuses-unconfined", "baseline-admits-runtime-default");

    @TempDir
    static Path state;
    static LocalEnvironment local;
    static SuiteResult onCri;
    static SuiteResult onLocal;
    static SuiteResult onCluster;
    static SuiteResult onClusterWithoutPrivileged;

    @BeforeAll
    static void runTheCatalogueEverywhere() {
        List<Scenario> catalogue = ScenarioCatalogue.builtIn().all();
        SuiteRunner runner = new SuiteRunner(new ScenarioRunner(Duration.ofMinutes(2)), 4);
        try (CriEnvironment cri = new CriEnvironment(Optional.empty(), state.resolve("run"),
                new LabKubelet(state.resolve("kubelet/config.yaml"), state.resolve("profiles"), false))) {
            cri.start(Progress.SILENT);
            onCri = runner.run(cri, catalogue, Progress.SILENT);
        }
        local = new LocalEnvironment(KubernetesBinaries.inStateDirectory(), state.resolve("local-profiles"));
        local.start(Progress.SILENT);
        onLocal = runner.run(local, catalogue, Progress.SILENT);
        onCluster = runOnCluster(runner, catalogue, true);
        onClusterWithoutPrivileged = runOnCluster(runner, List.of(ScenarioCatalogue.builtIn().select(List.of("privileged")).get(0)), false);
    }

    private static SuiteResult runOnCluster(SuiteRunner runner, List<Scenario> scenarios, boolean allowPrivileged) {
        try (LabEnvironment cluster = new ClusterEnvironment(local.kubeconfig(), null, allowPrivileged)) {
            cluster.start(Progress.SILENT);
            return runner.run(cluster, scenarios, Progress.SILENT);
        }
    }

    @AfterAll
    static void stopTheLocalCluster() {
        if (local != null) {
            local.close();
        }
    }

    @Test
    void theRealKubeletAndTheLabInItsPlaceAgreeOnEveryCheckOfEveryScenarioTheyBothJudge() {
        Map<String, CheckResult> cri = byCheck(onCri);
        Map<String, CheckResult> real = byCheck(onLocal);
        assertThat(real.keySet()).isEqualTo(cri.keySet());
        real.forEach((key, check) -> {
            assertThat(check.verdict()).as(key + "\n" + check.evidence()).isEqualTo(Verdict.PASS);
            if (ADMISSION.contains(check.scenario())) {
                assertThat(cri.get(key).verdict()).as(key).isEqualTo(Verdict.NOT_APPLICABLE);
            } else {
                assertThat(cri.get(key).verdict()).as(key).isEqualTo(Verdict.PASS);
                assertThat(cri.get(key).observed()).as(key).isEqualTo(check.observed());
            }
        });
    }

    /**
     * Through a kubeconfig alone the lab cannot change the node, put profiles on it or read what
     * runs on it; every check it can make agrees with the local cluster's, privileged included.
     */
    @Test
    void theClusterEnvironmentAgreesWhereverItCanLookAndSaysWhyWhereItCannot() {
        Map<String, CheckResult> real = byCheck(onLocal);
        Map<String, CheckResult> cluster = byCheck(onCluster);
        assertThat(cluster.keySet()).isEqualTo(real.keySet());
        Map<String, String> notApplicable = Map.of(
                "seccomp-default", "never changes nodes",
                "localhost-deny-keyctl", "does not write to nodes",
                "localhost-kill-uname", "does not write to nodes",
                "profile-inspection/OCI runtime spec linux.seccomp", "cannot read the runtime spec",
                "shared-process-namespace/Seccomp of the workload's own process", "cannot read the status");
        cluster.forEach((key, check) -> {
            Optional<String> why = notApplicable.entrySet().stream().filter(e -> key.equals(e.getKey()) || key.startsWith(e.getKey() + "/"))
                    .map(Map.Entry::getValue).findFirst();
            if (why.isPresent()) {
                assertThat(check.verdict()).as(key).isEqualTo(Verdict.NOT_APPLICABLE);
                assertThat(check.evidence()).as(key).contains(why.get());
            } else {
                assertThat(check.verdict()).as(key + "\n" + check.evidence()).isEqualTo(Verdict.PASS);
                assertThat(check.observed()).as(key).isEqualTo(real.get(key).observed());
            }
        });
        assertThat(cluster.get("privileged/grep Seccomp /proc/1/status").observed()).isEqualTo("Seccomp: 0 (disabled)");
    }

    /** Two real kubelets on the same containerd and kernel, one in the lab's processes, one in a kind node: the same table. */
    @Test
    void kindAndTheLocalClusterAgreeOnEveryCheckOfEveryScenario() {
        if (!DockerEngine.isAvailable()) {
            Requirement.skip("SECCOMP_LAB_REQUIRE_KIND", "kind needs a Docker engine, and none answers");
        }
        KindNodeChoice choice = KindNodeChoice.newest();
        String image = choice.reference(DockerEngine.connect());
        if (!KindNodeImageBuild.isLabImage(DockerEngine.connect(), image)) {
            Requirement.skip("SECCOMP_LAB_REQUIRE_KIND", "the lab's kind node image is not here; './lab kind build' makes it");
        }
        SuiteResult onKind;
        try (KindEnvironment kind = new KindEnvironment(choice.version(), image, state.resolve("kind-profiles"), false)) {
            kind.start(Progress.SILENT);
            onKind = new SuiteRunner(new ScenarioRunner(Duration.ofMinutes(2)), 4).run(kind, ScenarioCatalogue.builtIn().all(), Progress.SILENT);
        }
        Map<String, CheckResult> real = byCheck(onLocal);
        Map<String, CheckResult> kind = byCheck(onKind);
        assertThat(kind.keySet()).isEqualTo(real.keySet());
        kind.forEach((key, check) -> {
            assertThat(check.verdict()).as(key + "\n" + check.evidence()).isEqualTo(Verdict.PASS);
            assertThat(check.observed()).as(key).isEqualTo(real.get(key).observed());
        });
    }

    @Test
    void theClusterEnvironmentRefusesPrivilegedPodsUnlessAllowed() {
        assertThat(onClusterWithoutPrivileged.checks()).allSatisfy(check -> {
            assertThat(check.verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
            assertThat(check.evidence()).contains("refused to create privileged", "--allow-privileged");
        });
    }

    private static Map<String, CheckResult> byCheck(SuiteResult suite) {
        return suite.checks().stream().collect(Collectors.toMap(c -> c.scenario() + "/" + c.check(), Function.identity()));
    }
}
