package dev.seccomplab.scenarios;

import static dev.seccomplab.scenarios.checks.KeyctlOutcome.ALLOWED;
import static dev.seccomplab.scenarios.checks.KeyctlOutcome.BLOCKED;
import static dev.seccomplab.scenarios.checks.SeccompMode.DISABLED;
import static dev.seccomplab.scenarios.checks.SeccompMode.FILTER;

import dev.seccomplab.scenarios.checks.KeyctlCheck;
import dev.seccomplab.scenarios.checks.MainProcessSeccompCheck;
import dev.seccomplab.scenarios.checks.NodeSeccompDefaultCheck;
import dev.seccomplab.scenarios.checks.RuntimeProfileCheck;
import dev.seccomplab.scenarios.checks.SeccompModeCheck;
import java.util.ArrayList;
import java.util.List;

/** The seccomp lessons, each with the outcomes a real kernel must show. */
public final class ScenarioCatalogue {

    private static final List<Scenario> ALL = List.of(
            new Scenario("no-seccomp",
                    "With no seccompProfile and the kubelet's seccompDefault off, the container runs with no filter.",
                    "no-seccomp.yaml", false,
                    List.of(new NodeSeccompDefaultCheck(false), new SeccompModeCheck(DISABLED), new KeyctlCheck(ALLOWED))),
            new Scenario("runtime-default",
                    "RuntimeDefault attaches the runtime's profile; the kernel then refuses keyctl with EPERM.",
                    "runtime-default.yaml", false,
                    List.of(new SeccompModeCheck(FILTER), new KeyctlCheck(BLOCKED))),
            new Scenario("unconfined",
                    "Unconfined tells the runtime to attach no filter at all.",
                    "unconfined.yaml", false,
                    List.of(new SeccompModeCheck(DISABLED), new KeyctlCheck(ALLOWED))),
            new Scenario("privileged",
                    "A privileged container gets no seccomp profile, even when RuntimeDefault is asked for.",
                    "privileged.yaml", false,
                    List.of(new SeccompModeCheck(DISABLED), new KeyctlCheck(ALLOWED))),
            new Scenario("seccomp-default",
                    "With the kubelet's seccompDefault on (CIS 4.2.14), a pod that names no profile gets RuntimeDefault.",
                    "no-seccomp.yaml", true,
                    List.of(new NodeSeccompDefaultCheck(true), new SeccompModeCheck(FILTER), new KeyctlCheck(BLOCKED))),
            new Scenario("container-overrides-pod",
                    "The container's seccompProfile wins over the pod's.",
                    "container-overrides-pod.yaml", false,
                    List.of(new SeccompModeCheck(DISABLED), new KeyctlCheck(ALLOWED))),
            new Scenario("shared-process-namespace",
                    "With shareProcessNamespace, /proc/1 is the pod's sandbox, which the kubelet runs under RuntimeDefault; "
                            + "the Unconfined workload's own process shows the truth.",
                    "shared-process-namespace.yaml", false,
                    List.of(new SeccompModeCheck(FILTER), new MainProcessSeccompCheck(DISABLED), new KeyctlCheck(ALLOWED))),
            new Scenario("profile-inspection",
                    "The runtime's default profile, as handed to runc: refuse by default, allow a long list, leave keyctl out.",
                    "runtime-default.yaml", false,
                    List.of(new RuntimeProfileCheck("SCMP_ACT_ERRNO", "keyctl"))));

    private ScenarioCatalogue() {
    }

    public static List<Scenario> all() {
        return ALL;
    }

    public static List<String> names() {
        return ALL.stream().map(Scenario::name).toList();
    }

    public static Scenario named(String name) {
        return ALL.stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new UnknownScenarioException(name, names()));
    }

    /** The named scenarios in the order given, or all of them for an empty list. */
    public static List<Scenario> select(List<String> names) {
        if (names == null || names.isEmpty()) {
            return ALL;
        }
        List<Scenario> selected = new ArrayList<>();
        for (String name : names) {
            selected.add(named(name));
        }
        return selected;
    }
}
