package dev.seccomplab.environments.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A process's capability bounding set ({@code CapBnd} in {@code /proc/PID/status}). A privileged
 * container asks for every capability the kernel knows; runc fails with "unable to apply caps"
 * when the bounding set it inherits lacks one.
 */
public record CapabilityBoundingSet(long bits, int lastCap) {

    /** Names from include/uapi/linux/capability.h, indexed by capability number. */
    private static final List<String> NAMES = List.of(
            "cap_chown", "cap_dac_override", "cap_dac_read_search", "cap_fowner", "cap_fsetid", "cap_kill",
            "cap_setgid", "cap_setuid", "cap_setpcap", "cap_linux_immutable", "cap_net_bind_service",
            "cap_net_broadcast", "cap_net_admin", "cap_net_raw", "cap_ipc_lock", "cap_ipc_owner", "cap_sys_module",
            "cap_sys_rawio", "cap_sys_chroot", "cap_sys_ptrace", "cap_sys_pacct", "cap_sys_admin", "cap_sys_boot",
            "cap_sys_nice", "cap_sys_resource", "cap_sys_time", "cap_sys_tty_config", "cap_mknod", "cap_lease",
            "cap_audit_write", "cap_audit_control", "cap_setfcap", "cap_mac_override", "cap_mac_admin", "cap_syslog",
            "cap_wake_alarm", "cap_block_suspend", "cap_audit_read", "cap_perfmon", "cap_bpf",
            "cap_checkpoint_restore");

    /**
     * This process's set, or empty where /proc cannot tell (not Linux, or a hidden /proc). Read
     * line by line: {@code Files.readString} returns only the first byte of some /proc/sys files.
     */
    public static Optional<CapabilityBoundingSet> ofThisProcess() {
        try {
            String status = String.join("\n", Files.readAllLines(Path.of("/proc/self/status")));
            int lastCap = Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/kernel/cap_last_cap")).get(0).strip());
            return parse(status, lastCap);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    static Optional<CapabilityBoundingSet> parse(String procStatus, int lastCap) {
        return procStatus.lines()
                .filter(line -> line.startsWith("CapBnd:"))
                .map(line -> line.substring("CapBnd:".length()).strip())
                .map(hex -> new CapabilityBoundingSet(Long.parseUnsignedLong(hex, 16), lastCap))
                .findFirst();
    }

    /** Capabilities the kernel knows that this set lacks. */
    public List<String> missing() {
        List<String> missing = new ArrayList<>();
        for (int cap = 0; cap <= lastCap; cap++) {
            if ((bits & (1L << cap)) == 0) {
                missing.add(cap < NAMES.size() ? NAMES.get(cap) : "capability " + cap);
            }
        }
        return missing;
    }

    public String hex() {
        return String.format("%016x", bits);
    }
}
