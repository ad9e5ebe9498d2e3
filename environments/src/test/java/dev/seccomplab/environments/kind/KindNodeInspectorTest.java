package dev.seccomplab.environments.kind;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KindNodeInspectorTest {

    /** What ctr 1.6 prints for 'ctr --namespace k8s.io tasks ls' on a node, one sandbox stopped. */
    private static final String TASKS = """
            TASK                                                                PID     STATUS
            4e1fb0c7a6d6f3b3d0a2c9a2f7b3d6e5c1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6    2231    RUNNING
            9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b    1980    STOPPED
            """;

    @Test
    void thePidIsTheRunningTasksOfThatContainer() {
        assertThat(KindNodeInspector.pidIn(TASKS, "4e1fb0c7a6d6f3b3d0a2c9a2f7b3d6e5c1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6")).hasValue(2231);
        assertThat(KindNodeInspector.pidIn(TASKS, "9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b")).isEmpty();
        assertThat(KindNodeInspector.pidIn(TASKS, "4e1fb0c7")).as("a prefix is not the id").isEmpty();
    }
}
