package dev.seccomplab.scenarios;

import dev.seccomplab.environments.Progress;
import dev.seccomplab.scenarios.checks.SeccompMode;
import dev.seccomplab.scenarios.checks.SeccompModeCheck;
import java.util.List;

/**
 * A profile is fixed when a container starts, shown on a real kubelet: a pod that names no profile
 * is started, the kubelet's {@code seccompDefault} turned on (file, restart), and then the pod from
 * before still runs with no filter while a pod started after gets RuntimeDefault. Both are checked
 * on the kernel, so either can fail. Where the lab plays the kubelet this shows nothing about the
 * kubelet, so it is not run there.
 */
public final class KeptProfileLesson {

    private KeptProfileLesson() {
    }

    /** @param silent a scenario whose pod names no profile ({@code no-seccomp}) */
    public static List<ScenarioResult> run(LabSession session, Scenario silent, Progress progress) {
        boolean asFound = session.kubeletSettings().seccompDefault();
        try {
            session.setSeccompDefault(false, progress);
            LabSession.SessionPod before = session.applyWorkload(silent.workload(), "started before the change");
            session.setSeccompDefault(true, progress);
            ScenarioResult kept = session.check(before, "a pod started before seccompDefault: true keeps no filter",
                    List.of(new SeccompModeCheck(SeccompMode.DISABLED)));
            LabSession.SessionPod after = session.applyWorkload(silent.workload(), "started after the change");
            ScenarioResult defaulted = session.check(after, "a pod started after it gets RuntimeDefault",
                    List.of(new SeccompModeCheck(SeccompMode.FILTER)));
            return List.of(kept, defaulted);
        } finally {
            session.setSeccompDefault(asFound, progress);
        }
    }
}
