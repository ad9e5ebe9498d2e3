package dev.seccomplab.environments.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads a pod's status the way a person reads {@code kubectl get pod}: running, stuck, or on its way. */
final class PodStates {

    /** Waiting reasons that will not fix themselves while the lab waits. */
    static final Set<String> STUCK = Set.of("ErrImageNeverPull", "ErrImagePull", "ImagePullBackOff", "InvalidImageName",
            "CreateContainerConfigError", "CreateContainerError", "RunContainerError", "CrashLoopBackOff");

    private PodStates() {
    }

    /** Running, all its containers running, and not on its way out (a rolled-out Deployment's old pod). */
    static boolean isRunning(Pod pod) {
        if (pod.getMetadata().getDeletionTimestamp() != null || pod.getStatus() == null || !"Running".equals(pod.getStatus().getPhase())) {
            return false;
        }
        List<ContainerStatus> statuses = pod.getStatus().getContainerStatuses();
        return statuses != null && !statuses.isEmpty()
                && statuses.stream().allMatch(s -> s.getState() != null && s.getState().getRunning() != null);
    }

    /** The first container that waits for a reason in {@link #STUCK}, described. */
    static Optional<String> stuckReason(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
            return Optional.empty();
        }
        return pod.getStatus().getContainerStatuses().stream()
                .filter(s -> s.getState() != null && s.getState().getWaiting() != null)
                .filter(s -> STUCK.contains(s.getState().getWaiting().getReason()))
                .findFirst()
                .map(s -> "container " + s.getName() + " is " + s.getState().getWaiting().getReason()
                        + Optional.ofNullable(s.getState().getWaiting().getMessage()).map(m -> ": " + m).orElse(""));
    }

    /** One line on where the pods are, for a timeout message. */
    static String summary(List<Pod> pods) {
        if (pods.isEmpty()) {
            return "no pod was created (is the ReplicaSet controller running? kubectl get rs)";
        }
        return pods.stream().map(PodStates::describe).collect(Collectors.joining("; "));
    }

    private static String describe(Pod pod) {
        String phase = pod.getStatus() == null ? "no status" : pod.getStatus().getPhase();
        String waiting = pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null ? ""
                : pod.getStatus().getContainerStatuses().stream()
                        .filter(s -> s.getState() != null && s.getState().getWaiting() != null)
                        .map(s -> ", " + s.getName() + " waiting: " + s.getState().getWaiting().getReason())
                        .collect(Collectors.joining());
        return pod.getMetadata().getName() + " is " + phase + waiting;
    }
}
