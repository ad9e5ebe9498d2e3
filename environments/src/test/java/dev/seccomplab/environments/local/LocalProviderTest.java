package dev.seccomplab.environments.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the local cluster needs of this host's cgroups, judged on cgroup trees laid out in a folder. */
class LocalProviderTest {

    @TempDir
    Path cgroups;

    @Test
    void cgroupV1WithEveryControllerTheKubeletNeedsIsFine() throws Exception {
        for (String controller : LocalProvider.CGROUP_V1_CONTROLLERS) {
            Files.createDirectories(cgroups.resolve(controller));
            Files.writeString(cgroups.resolve(controller).resolve("cgroup.procs"), "1\n");
        }
        assertThat(LocalProvider.cgroupProblem(cgroups)).isEmpty();
    }

    @Test
    void cgroupV1WithoutTheMemoryControllerIsRefusedNamingItAndTheWayOut() throws Exception {
        for (String controller : LocalProvider.CGROUP_V1_CONTROLLERS) {
            if (!controller.equals("memory")) {
                Files.createDirectories(cgroups.resolve(controller));
                Files.writeString(cgroups.resolve(controller).resolve("cgroup.procs"), "1\n");
            }
        }
        assertThat(LocalProvider.cgroupProblem(cgroups)).hasValueSatisfying(problem -> assertThat(problem)
                .contains("the memory controller is not mounted at " + cgroups.resolve("memory"), "--env cri"));
    }

    @Test
    void theUnifiedHierarchyIsFine() throws Exception {
        Files.writeString(cgroups.resolve("cgroup.controllers"), "cpu memory pids\n");
        assertThat(LocalProvider.cgroupProblem(cgroups)).isEmpty();
    }
}
