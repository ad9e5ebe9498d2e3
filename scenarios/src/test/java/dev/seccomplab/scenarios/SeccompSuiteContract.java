package dev.seccomplab.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seccomplab.environments.LabEnvironment;
import dev.seccomplab.environments.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What every environment must show for the whole catalogue, observed in a real kernel. Each
 * subclass starts its environment and runs the suite once; the expectations are written here once.
 */
abstract class SeccompSuiteContract {

    static SuiteResult suite;

    static SuiteResult runSuite(LabEnvironment environment, Duration podTimeout) {
        return new SuiteRunner(new ScenarioRunner(podTimeout), 4).run(environment, ScenarioCatalogue.all(), Progress.SILENT);
    }

    @Test
    void noSeccompRunsUnfilteredAndKeyctlWorks() {
        assertObserved("no-seccomp", Map.of(
                "kubelet seccompDefault", "seccompDefault: false",
                "grep Seccomp /proc/1/status", "Seccomp: 0 (disabled)",
                "keyctl show", "keyctl show succeeds (lists the session keyring)"));
    }

    @Test
    void runtimeDefaultFiltersAndKeyctlGetsEperm() {
        assertObserved("runtime-default", Map.of(
                "grep Seccomp /proc/1/status", "Seccomp: 2 (filter)",
                "keyctl show", "keyctl show fails: Operation not permitted"));
    }

    @Test
    void unconfinedRunsUnfiltered() {
        assertObserved("unconfined", Map.of(
                "grep Seccomp /proc/1/status", "Seccomp: 0 (disabled)",
                "keyctl show", "keyctl show succeeds (lists the session keyring)"));
    }

    @Test
    void seccompDefaultTurnsAPodWithoutProfileIntoRuntimeDefault() {
        assertObserved("seccomp-default", Map.of(
                "kubelet seccompDefault", "seccompDefault: true",
                "grep Seccomp /proc/1/status", "Seccomp: 2 (filter)",
                "keyctl show", "keyctl show fails: Operation not permitted"));
    }

    @Test
    void theContainersProfileWinsOverThePods() {
        assertObserved("container-overrides-pod", Map.of(
                "grep Seccomp /proc/1/status", "Seccomp: 0 (disabled)",
                "keyctl show", "keyctl show succeeds (lists the session keyring)"));
    }

    @Test
    void theRuntimeProfileRefusesByDefaultAndLeavesKeyctlOut() {
        CheckResult profile = checksOf("profile-inspection").get(0);
        assertThat(profile.verdict()).as(profile.observed()).isEqualTo(Verdict.PASS);
        assertThat(profile.observed()).startsWith("defaultAction SCMP_ACT_ERRNO; keyctl not allowed; ")
                .containsPattern("\\d{3} distinct syscalls allowed")
                .containsPattern("\\d{3} name entries in its rules");
        assertThat(profile.evidence()).contains("config.json", "\"SCMP_ACT_ALLOW\"");
    }

    @Test
    void privilegedRunsUnfilteredOrIsReportedAsThisHostsLimit() throws Exception {
        List<CheckResult> checks = checksOf("privileged");
        if (boundingSetIsComplete()) {
            assertObserved("privileged", Map.of(
                    "grep Seccomp /proc/1/status", "Seccomp: 0 (disabled)",
                    "keyctl show", "keyctl show succeeds (lists the session keyring)"));
        } else {
            assertThat(checks).allSatisfy(check -> {
                assertThat(check.verdict()).isEqualTo(Verdict.HOST_LIMIT);
                assertThat(check.evidence()).contains("unable to apply caps", "cap_sys_resource", "not a result of the lesson");
            });
            assertThat(suite.allPassed()).as("a host limit is not a pass").isFalse();
        }
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

    /** Read here independently of the lab's own host-limit code, which this test checks. */
    static boolean boundingSetIsComplete() throws Exception {
        long capBnd = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("CapBnd:")).map(l -> Long.parseUnsignedLong(l.substring(7).strip(), 16))
                .findFirst().orElseThrow();
        int lastCap = Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/kernel/cap_last_cap")).get(0).strip());
        long all = (1L << (lastCap + 1)) - 1;
        return (capBnd & all) == all;
    }
}
