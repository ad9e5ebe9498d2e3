package dev.seccomplab.scenarios.practice;

import dev.seccomplab.scenarios.checks.Check;
import dev.seccomplab.scenarios.checks.CommandOutcome;
import dev.seccomplab.scenarios.checks.CommandOutcomeCheck;
import dev.seccomplab.scenarios.checks.MainProcessSeccompCheck;
import dev.seccomplab.scenarios.checks.NodeSeccompDefaultCheck;
import dev.seccomplab.scenarios.checks.RuntimeProfileCheck;
import dev.seccomplab.scenarios.checks.SeccompMode;
import java.util.List;
import java.util.stream.Stream;
import java.util.Optional;

/**
 * The practice tasks. A "runs under a filter" expectation is always the workload's own process,
 * so a privileged pod fails it whatever its spec says; and every workload must first run, so a
 * profile that breaks the workload fails too.
 */
public final class PracticeTasks {

    private static final Check OWN_PROCESS_FILTERED = new MainProcessSeccompCheck(SeccompMode.FILTER);
    private static final Check KEYRINGS_REFUSED_BY_RUNTIME_DEFAULT = CommandOutcomeCheck.of("keyctl show", CommandOutcome.parse("EPERM"));
    private static final Check STILL_WORKS = CommandOutcomeCheck.of("ls /", CommandOutcome.succeeds());

    private static final List<PracticeTask> ALL = List.of(
            new PracticeTask("runtime-default-deployment",
                    "Run a Deployment under the runtime's default profile",
                    """
                    The pods of Deployment web (deployment.yaml) run with no seccomp filter at all.
                    Make them run under the container runtime's default seccomp profile.
                    The node's kubelet settings are not yours to change.""",
                    List.of("The field is securityContext.seccompProfile: on the pod template's spec it covers every "
                                    + "container, on a container it covers that one.",
                            "type: RuntimeDefault is the runtime's own profile; Unconfined is no profile at all.",
                            "Check inside the pod: grep Seccomp /proc/1/status shows 2 under a filter, and keyctl show "
                                    + "fails with EPERM under the runtime's profile."),
                    List.of("deployment.yaml"),
                    new Grading(List.of("deployment.yaml"), Optional.empty(), Optional.empty(), false, Optional.empty(),
                            List.of(new Grading.WorkloadChecks("web", List.of(OWN_PROCESS_FILTERED, KEYRINGS_REFUSED_BY_RUNTIME_DEFAULT,
                                    new RuntimeProfileCheck("SCMP_ACT_ERRNO", List.of("keyctl"), List.of("read"),
                                            new RuntimeProfileCheck.CountRange(200, Integer.MAX_VALUE))))))),
            new PracticeTask("deny-keyctl-profile",
                    "Refuse keyrings with a Localhost profile of your own",
                    """
                    Pod keyring-free (pod.yaml) must not be able to use the kernel's keyrings: keyctl must fail
                    with an error while the rest of the workload keeps working. Write the Localhost profile
                    seccomp/profiles/deny-keyctl.json (seccomp/ is the node's /var/lib/kubelet/seccomp) and use it.""",
                    List.of("A pod names a file below the kubelet's seccomp directory with seccompProfile: "
                                    + "{type: Localhost, localhostProfile: profiles/deny-keyctl.json}.",
                            "Allow by default (defaultAction SCMP_ACT_ALLOW) and list only what you refuse: "
                                    + "\"syscalls\": [{\"names\": [...], \"action\": ...}].",
                            "keyctl(1) calls the keyctl system call (add_key and request_key are its relatives). "
                                    + "SCMP_ACT_ERRNO makes a call fail; SCMP_ACT_KILL_PROCESS would end the process."),
                    List.of("pod.yaml", "seccomp/profiles/deny-keyctl.json"),
                    new Grading(List.of("pod.yaml"), Optional.of("seccomp"), Optional.empty(), false, Optional.empty(),
                            List.of(new Grading.WorkloadChecks("keyring-free", List.of(OWN_PROCESS_FILTERED,
                                    CommandOutcomeCheck.of("keyctl show", CommandOutcome.anyErrno()),
                                    CommandOutcomeCheck.of("uname", CommandOutcome.succeeds()), STILL_WORKS))))),
            new PracticeTask("find-disabled-seccomp",
                    "Find the workload whose seccomp is silently off",
                    """
                    All three Deployments in workloads.yaml name a seccomp profile, yet one of them runs with
                    no filter at all. Find it, and fix it so that every workload runs under the runtime's
                    default profile. Keep all three.""",
                    List.of("Do not trust the YAML: look at the running processes. grep Seccomp /proc/1/status in "
                                    + "each pod says 0 (disabled) or 2 (filter).",
                            "Some securityContext settings make the runtime leave seccomp out, whatever seccompProfile says.",
                            "containerd and Docker run a privileged container without seccomp. Does that workload need "
                                    + "privileged: true?"),
                    List.of("workloads.yaml"),
                    new Grading(List.of("workloads.yaml"), Optional.empty(), Optional.empty(), false, Optional.empty(),
                            Stream.of("api", "worker", "metrics").map(workload -> new Grading.WorkloadChecks(workload,
                                    List.of(OWN_PROCESS_FILTERED, KEYRINGS_REFUSED_BY_RUNTIME_DEFAULT))).toList())),
            new PracticeTask("seccomp-default-node",
                    "Make RuntimeDefault the node's default (CIS 4.2.14)",
                    """
                    Pods that name no seccomp profile run unconfined on this node. Turn on the kubelet's
                    seccompDefault in kubelet-config.yaml (the node's /var/lib/kubelet/config.yaml). The grader
                    puts your setting on the node and starts a pod that names no profile: it must get a filter.""",
                    List.of("The setting is a top-level field of the KubeletConfiguration, beside the others in the file.",
                            "seccompDefault takes true or false, not a string. On a node, the kubelet reads it when it "
                                    + "restarts (systemctl restart kubelet); the grader does that part.",
                            "Only pods started after the change get the default. Check in a new pod with "
                                    + "grep Seccomp /proc/1/status."),
                    List.of("kubelet-config.yaml"),
                    new Grading(List.of(), Optional.empty(), Optional.of("kubelet-config.yaml"), false,
                            Optional.of("practice/seccomp-default-node/probe.yaml"),
                            List.of(new Grading.WorkloadChecks("no-profile", List.of(new NodeSeccompDefaultCheck(true), OWN_PROCESS_FILTERED,
                                    KEYRINGS_REFUSED_BY_RUNTIME_DEFAULT))))),
            new PracticeTask("kill-on-syscall",
                    "Kill a process at one forbidden system call",
                    """
                    Pod sysinfo (pod.yaml) runs under seccomp/profiles/kill-uname.json, which allows everything.
                    Change the profile so that the kernel kills any process of the pod that calls uname
                    (SIGSYS, "Bad system call"), while everything else keeps working.""",
                    List.of("An action for named calls goes in \"syscalls\": [{\"names\": [...], \"action\": ...}]; "
                                    + "keep defaultAction SCMP_ACT_ALLOW.",
                            "SCMP_ACT_ERRNO makes a call fail and the process goes on; SCMP_ACT_KILL_PROCESS ends it with SIGSYS.",
                            "A shell reports a death by SIGSYS as exit code 159: 128 + 31."),
                    List.of("pod.yaml", "seccomp/profiles/kill-uname.json"),
                    new Grading(List.of("pod.yaml"), Optional.of("seccomp"), Optional.empty(), false, Optional.empty(),
                            List.of(new Grading.WorkloadChecks("sysinfo", List.of(OWN_PROCESS_FILTERED,
                                    CommandOutcomeCheck.of("uname", CommandOutcome.parse("SIGSYS")), STILL_WORKS,
                                    CommandOutcomeCheck.of("keyctl show", CommandOutcome.succeeds())))))));

    private PracticeTasks() {
    }

    public static List<PracticeTask> all() {
        return ALL;
    }

    public static PracticeTask named(String name) {
        return ALL.stream().filter(task -> task.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no practice task '" + name + "'; the tasks are "
                        + String.join(", ", ALL.stream().map(PracticeTask::name).toList()) + " ('lab practice list' shows them)"));
    }
}
