package dev.seccomplab.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seccomplab.environments.Progress;
import dev.seccomplab.environments.cri.CriEnvironment;
import dev.seccomplab.environments.kubelet.LabKubelet;
import dev.seccomplab.environments.testing.RequiresCri;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The session every front end drives, on the real runtime: cells run again in any order give the same verdicts. */
@ExtendWith(RequiresCri.class)
class LabSessionIT {

    @TempDir
    static Path state;
    private static CriEnvironment environment;
    private static LabSession session;
    private static final ScenarioCatalogue CATALOGUE = ScenarioCatalogue.builtIn();

    @BeforeAll
    static void start() {
        environment = new CriEnvironment(Optional.empty(), state.resolve("run"),
                new LabKubelet(state.resolve("kubelet/config.yaml"), state.resolve("seccomp"), false));
        environment.start(Progress.SILENT);
        session = new LabSession(environment, Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        if (session != null) {
            session.close();
        }
        if (environment != null) {
            environment.close();
        }
    }

    /** The sequence that once gave a false FAIL: the cached pod was checked against a node a later cell had changed. */
    @Test
    void expectingAnEarlierScenarioAgainGivesTheSameVerdict() {
        List<String> steps = new CopyOnWriteArrayList<>();
        ScenarioResult first = session.expect(CATALOGUE.named("no-seccomp"), steps::add);
        ScenarioResult other = session.expect(CATALOGUE.named("seccomp-default"), steps::add);
        ScenarioResult again = session.expect(CATALOGUE.named("no-seccomp"), steps::add);
        ScenarioResult otherAgain = session.expect(CATALOGUE.named("seccomp-default"), steps::add);

        for (ScenarioResult result : List.of(first, other, again, otherAgain)) {
            assertThat(result.passed()).as(result.scenario() + ": " + result.checks()).isTrue();
        }
        assertThat(again.checks()).extracting(CheckResult::observed).isEqualTo(first.checks().stream().map(CheckResult::observed).toList());
        assertThat(session.pods()).extracting(LabSession.SessionPod::origin).containsExactly("no-seccomp", "seccomp-default");
    }

    @Test
    void aPodStartedUnderAnotherNodeSettingIsStartedAgain() {
        session.setSeccompDefault(false, Progress.SILENT);
        String before = session.apply(CATALOGUE.named("no-seccomp"), Progress.SILENT).name();
        session.setSeccompDefault(true, Progress.SILENT);
        ScenarioResult result = session.expect(CATALOGUE.named("no-seccomp"), Progress.SILENT);
        assertThat(result.passed()).as(result.checks().toString()).isTrue();
        assertThat(session.pod("no-seccomp").orElseThrow().name()).as("same pod: it was started under false").isEqualTo(before);

        session.setSeccompDefault(false, Progress.SILENT);
        String underFalse = session.expect(CATALOGUE.named("seccomp-default"), Progress.SILENT).scenario();
        assertThat(underFalse).isEqualTo("seccomp-default");
        assertThat(session.pod("seccomp-default").orElseThrow().startedUnderSeccompDefault()).isTrue();
    }

    @Test
    void aManifestWithAPodAndADeploymentStartsBoth() {
        List<LabSession.SessionPod> pods = session.applyManifest("""
                apiVersion: v1
                kind: Pod
                metadata: {name: plain-pod}
                spec:
                  containers: [{name: workload, image: seccomp-lab/workload:latest, imagePullPolicy: Never}]
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: plain-deployment}
                spec:
                  selector: {matchLabels: {app: plain}}
                  template:
                    metadata: {labels: {app: plain}}
                    spec:
                      containers: [{name: workload, image: seccomp-lab/workload:latest, imagePullPolicy: Never,
                                    securityContext: {seccompProfile: {type: RuntimeDefault}}}]
                """, "the test's manifest");
        assertThat(pods).extracting(LabSession.SessionPod::origin).containsExactly("manifest plain-pod", "manifest plain-deployment");
        assertThat(session.exec(pods.get(1), "grep", "Seccomp", "/proc/1/status").stdout()).containsPattern("(?m)^Seccomp:\\s+2$");
    }
}
