package dev.seccomplab.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seccomplab.environments.ExecResult;
import dev.seccomplab.environments.KubeletSettings;
import dev.seccomplab.environments.LabEnvironment;
import dev.seccomplab.environments.MainProcessStatus;
import dev.seccomplab.environments.NodeSettingsReadOnlyException;
import dev.seccomplab.environments.PodHandle;
import dev.seccomplab.environments.Progress;
import dev.seccomplab.environments.RuntimeSeccompSpec;
import dev.seccomplab.environments.Workspace;
import dev.seccomplab.environments.Workload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The runner's own logic, on an environment that only records what it was asked: groups by node
 * setting, the node set back at the end, and scenarios a read-only node cannot serve. No check
 * here is about the kernel; the suites on real environments are.
 */
class SuiteRunnerTest {

    @Test
    void changesTheNodeOnlyBetweenGroupsAndSetsItBackAtTheEnd() {
        RecordingEnvironment environment = new RecordingEnvironment(false);
        new SuiteRunner(new ScenarioRunner(Duration.ofSeconds(1)), 2)
                .run(environment, ScenarioCatalogue.builtIn().select(List.of("seccomp-default", "no-seccomp", "runtime-default")), Progress.SILENT);

        assertThat(environment.applied).containsExactly(true, false);
        assertThat(environment.seccompDefault).isFalse();
    }

    @Test
    void keepsResultsInTheOrderAskedWhateverTheGroups() {
        RecordingEnvironment environment = new RecordingEnvironment(false);
        SuiteResult suite = new SuiteRunner(new ScenarioRunner(Duration.ofSeconds(1)), 2)
                .run(environment, ScenarioCatalogue.builtIn().select(List.of("seccomp-default", "unconfined")), Progress.SILENT);
        assertThat(suite.scenarios()).extracting(ScenarioResult::scenario).containsExactly("seccomp-default", "unconfined");
    }

    @Test
    void aReadOnlyNodeMakesItsScenariosNotApplicableWithTheReason() {
        RecordingEnvironment environment = new RecordingEnvironment(true);
        SuiteResult suite = new SuiteRunner(new ScenarioRunner(Duration.ofSeconds(1)), 2)
                .run(environment, ScenarioCatalogue.builtIn().select(List.of("seccomp-default")), Progress.SILENT);

        assertThat(suite.checks()).allSatisfy(check -> {
            assertThat(check.verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
            assertThat(check.evidence()).isEqualTo("this node is somebody else's");
        });
        assertThat(suite.allPassed()).isFalse();
        assertThat(environment.applied).isEmpty();
    }

    /** Knows nothing of seccomp: every command it runs "fails" with no output, which the checks must not pass. */
    private static final class RecordingEnvironment implements LabEnvironment {

        final List<Boolean> applied = new CopyOnWriteArrayList<>();
        final boolean readOnly;
        volatile boolean seccompDefault;

        RecordingEnvironment(boolean readOnly) {
            this.readOnly = readOnly;
        }

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public String description() {
            return "records what the runner asks";
        }

        @Override
        public String comparedWithACluster() {
            return "nothing runs";
        }

        @Override
        public void start(Progress progress) {
        }

        @Override
        public KubeletSettings readKubeletSettings() {
            return new KubeletSettings(seccompDefault, "memory");
        }

        @Override
        public void applyKubeletSettings(KubeletSettings wanted, Progress progress) {
            if (readOnly) {
                throw new NodeSettingsReadOnlyException("this node is somebody else's");
            }
            applied.add(wanted.seccompDefault());
            seccompDefault = wanted.seccompDefault();
        }

        @Override
        public void installLocalhostProfile(String relativePath, String json) {
        }

        @Override
        public Workspace openWorkspace(String name) {
            return new Workspace() {
                private final List<Workload> workloads = new ArrayList<>();

                @Override
                public String name() {
                    return name;
                }

                @Override
                public PodHandle start(Workload workload, Duration timeout) {
                    workloads.add(workload);
                    return new PodHandle(name, workload.name() + "-abcde", List.of("workload"));
                }

                @Override
                public ExecResult exec(PodHandle pod, String container, String... command) {
                    return new ExecResult(127, "", "not a real container");
                }

                @Override
                public RuntimeSeccompSpec runtimeSeccomp(PodHandle pod, String container) {
                    throw new UnsupportedOperationException("no runtime here");
                }

                @Override
                public MainProcessStatus mainProcessStatus(PodHandle pod, String container) {
                    throw new UnsupportedOperationException("no runtime here");
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public void close() {
        }
    }
}
