package dev.seccomplab.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seccomplab.environments.LabEnvironment;
import dev.seccomplab.environments.engine.DockerEngine;
import dev.seccomplab.environments.engine.PrivilegedRuntime;
import dev.seccomplab.environments.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * What every environment must show for the whole catalogue, observed in a real kernel. Each
 * subclass starts its environment, runs the suite once, and says the few things in which
 * environments differ by design; the expectations are written here once.
 */
abstract class SeccompSuiteContract {

    static LabEnvironment environment;
    static SuiteResult suite;

    /** Starts the environment, keeps it for {@link #closeTheEnvironment}, and runs the whole catalogue on it. */
    static void runSuite(LabEnvironment started, Duration podTimeout) {
        environment = started;
        environment.start(Progress.SILENT);
        suite = new SuiteRunner(new ScenarioRunner(podTimeout), 4).run(environment, ScenarioCatalogue.builtIn().all(), Progress.SILENT);
    }

    @AfterAll
    static void closeTheEnvironment() {
        if (environment != null) {
            environment.close();
            environment = null;
        }
    }

    /** Where this environment reads the runtime spec, as its evidence names it. */
    abstract String profileSource();

    /** Whether a privileged container needs every capability from the host (Docker and kind nodes do; containerd does not). */
    abstract boolean privilegedNeedsEveryCapability();

    /** Whether pods have a sandbox whose PID namespace their containers can share. */
    abstract boolean hasPodSandboxes();

    /** Whether an API server admits the pods (kind, local, cluster), so that Pod Security Admission applies. */
    abstract boolean hasApiServer();

    @Test
    void podSecurityAdmissionRefusesPrivilegedAndUnconfinedButAdmitsRuntimeDefault() {
        List<String> scenarios = List.of("baseline-refuses-privileged", "baseline-refuses-unconfined", "baseline-admits-runtime-default");
        if (!hasApiServer()) {
            scenarios.forEach(scenario -> assertThat(checksOf(scenario)).allSatisfy(check -> {
                assertThat(check.verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
                assertThat(check.evidence()).contains("has no API server", "pod-security.kubernetes.io/enforce: baseline");
            }));
            return;
        }
        assertThat(checksOf("baseline-refuses-privileged")).singleElement().satisfies(check -> {
            assertThat(check.verdict()).as(check.evidence()).isEqualTo(Verdict.PASS);
            assertThat(check.observed()).contains("violates PodSecurity \"baseline:latest\": privileged");
        });
        assertThat(checksOf("baseline-refuses-unconfined")).singleElement().satisfies(check -> {
            assertThat(check.verdict()).as(check.evidence()).isEqualTo(Verdict.PASS);
            assertThat(check.observed()).contains("seccompProfile", "Unconfined");
        });
        assertObserved("baseline-admits-runtime-default", Map.of(
                "API server admission", "pods admitted",
                "grep Seccomp /proc/1/status", "Seccomp: 2 (filter)",
                "keyctl show", "fails with EPERM (Operation not permitted)"));
    }

    @Test
    void noSeccompRunsUnfilteredAndKeyctlWorks() {
        assertObserved("no-seccomp", Map.of(
                "kubelet seccompDefault", "seccompDefault: false",
                "grep Seccomp /proc/1/status", "Seccomp: 0 (disabled)",
                "keyctl show", "succeeds"));
    }

    @Test
    void runtimeDefaultFiltersAndKeyctlGetsEperm() {
        assertObserved("runtime-default", Map.of(
                "grep Seccomp /proc/1/status", "Seccomp: 2 (filter)",
                "keyctl show", "fails with EPERM (Operation not permitted)"));
    }

    @Test
    void unconfinedRunsUnfiltered() {
        assertObserved("unconfined", Map.of(
                "grep Seccomp /proc/1/status", "Seccomp: 0 (disabled)",
                "keyctl show", "succeeds"));
    }

    @Test
    void seccompDefaultTurnsAPodWithoutProfileIntoRuntimeDefault() {
        assertObserved("seccomp-default", Map.of(
                "kubelet seccompDefault", "seccompDefault: true",
                "grep Seccomp /proc/1/status", "Seccomp: 2 (filter)",
                "keyctl show", "fails with EPERM (Operation not permitted)"));
    }

    @Test
    void theContainersProfileWinsOverThePods() {
        assertObserved("container-overrides-pod", Map.of(
                "grep Seccomp /proc/1/status", "Seccomp: 0 (disabled)",
                "keyctl show", "succeeds"));
    }

    @Test
    void withASharedPidNamespaceProc1IsTheSandboxNotTheWorkload() {
        if (!hasPodSandboxes()) {
            assertThat(checksOf("shared-process-namespace")).allSatisfy(check -> {
                assertThat(check.verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
                assertThat(check.evidence()).contains("cannot share one PID namespace");
            });
            return;
        }
        assertObserved("shared-process-namespace", Map.of(
                "grep Seccomp /proc/1/status", "Seccomp: 2 (filter)",
                "Seccomp of the workload's own process", "Seccomp: 0 (disabled)",
                "keyctl show", "succeeds"));
    }

    @Test
    void aLocalhostProfileOfYourOwnRefusesOnlyWhatItNames() {
        assertObserved("localhost-deny-keyctl", Map.of(
                "grep Seccomp /proc/1/status", "Seccomp: 2 (filter)",
                "keyctl show", "fails with EPERM (Operation not permitted)",
                "uname", "succeeds"));
    }

    @Test
    void killProcessEndsTheProcessWithSigsys() {
        assertObserved("localhost-kill-uname", Map.of(
                "grep Seccomp /proc/1/status", "Seccomp: 2 (filter)",
                "uname", "killed by SIGSYS (Bad system call, exit 159)",
                "keyctl show", "succeeds"));
    }

    @Test
    void theRuntimeProfileRefusesByDefaultAndLeavesKeyctlOut() throws Exception {
        CheckResult profile = checksOf("profile-inspection").get(0);
        assertThat(profile.verdict()).as(profile.observed()).isEqualTo(Verdict.PASS);
        assertThat(profile.observed()).startsWith("defaultAction SCMP_ACT_ERRNO; keyctl not allowed; add_key not allowed; "
                + "request_key not allowed; read allowed; write allowed; execve allowed; ");
        assertThat(profile.evidence()).startsWith("read from ").contains(profileSource(), "\"SCMP_ACT_ALLOW\"");
        assertCountsMatchAnIndependentCount(profile);
    }

    @Test
    void privilegedRunsUnfilteredOrIsReportedAsThisHostsLimit() throws Exception {
        Optional<String> incomplete = incompleteBoundingSet();
        // scripts/ensure-host.sh registers runc-bounded where the bounding set is incomplete; without it, that is a host limit.
        if (!privilegedNeedsEveryCapability() || incomplete.isEmpty() || PrivilegedRuntime.isRegistered(DockerEngine.connect())) {
            assertObserved("privileged", Map.of(
                    "grep Seccomp /proc/1/status", "Seccomp: 0 (disabled)",
                    "keyctl show", "succeeds"));
            return;
        }
        assertThat(checksOf("privileged")).allSatisfy(check -> {
            assertThat(check.verdict()).isEqualTo(Verdict.HOST_LIMIT);
            assertThat(check.evidence()).contains("unable to apply caps", "not a result of the lesson",
                    "CapBnd " + incomplete.get() + ") lacks cap_");
        });
        assertThat(suite.allPassed()).as("a host limit is not a pass").isFalse();
    }

    @Test
    void everyCheckKeepsItsRawOutputAsEvidence() {
        assertThat(suite.checks()).allSatisfy(check -> assertThat(check.evidence()).isNotBlank());
        assertThat(checksOf("runtime-default").get(1).evidence()).contains("Operation not permitted", "exit code 1");
    }

    static void assertObserved(String scenario, Map<String, String> observedByCheck) {
        Map<String, CheckResult> checks = checksOf(scenario).stream()
                .collect(Collectors.toMap(CheckResult::check, c -> c));
        assertThat(checks.keySet()).containsExactlyInAnyOrderElementsOf(observedByCheck.keySet());
        observedByCheck.forEach((check, observed) -> {
            CheckResult result = checks.get(check);
            assertThat(result.observed()).as(scenario + " / " + check + "\n" + result.evidence()).isEqualTo(observed);
            assertThat(result.verdict()).as(scenario + " / " + check).isEqualTo(Verdict.PASS);
        });
    }

    static List<CheckResult> checksOf(String scenario) {
        return suite.scenarios().stream().filter(s -> s.scenario().equals(scenario)).findFirst().orElseThrow().checks();
    }

    /**
     * Counts the profile in the evidence with plain JSON walking, apart from the lab's own counting
     * code, and holds the reported numbers to it.
     */
    private static void assertCountsMatchAnIndependentCount(CheckResult profile) throws Exception {
        String json = profile.evidence().substring(profile.evidence().indexOf('\n') + 1);
        JsonNode seccomp = new ObjectMapper().readTree(json);
        int entries = 0;
        Set<String> allowed = new HashSet<>();
        for (JsonNode rule : seccomp.path("syscalls")) {
            for (JsonNode name : rule.path("names")) {
                entries++;
                if ("SCMP_ACT_ALLOW".equals(rule.path("action").asText())) {
                    allowed.add(name.asText());
                }
            }
        }
        Matcher counts = Pattern.compile("(\\d+) distinct syscalls allowed .*?, (\\d+) name entries").matcher(profile.observed());
        assertThat(counts.find()).as(profile.observed()).isTrue();
        assertThat(Integer.parseInt(counts.group(1))).isEqualTo(allowed.size());
        assertThat(Integer.parseInt(counts.group(2))).isEqualTo(entries);
    }

    /**
     * This host's capability bounding set as the kernel prints it, when it lacks a capability the
     * kernel knows; read here apart from the lab's own host-limit code, which this test checks.
     */
    static Optional<String> incompleteBoundingSet() throws Exception {
        long capBnd = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("CapBnd:")).map(l -> Long.parseUnsignedLong(l.substring(7).strip(), 16))
                .findFirst().orElseThrow();
        int lastCap = Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/kernel/cap_last_cap")).get(0).strip());
        long all = (1L << (lastCap + 1)) - 1;
        return (capBnd & all) == all ? Optional.empty() : Optional.of(String.format("%016x", capBnd));
    }
}
