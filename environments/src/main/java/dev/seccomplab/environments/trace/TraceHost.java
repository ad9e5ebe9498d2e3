package dev.seccomplab.environments.trace;

import dev.seccomplab.environments.HostExecutables;
import dev.seccomplab.environments.HostLimitException;
import dev.seccomplab.environments.LabStateDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What tracing system calls needs of this host, each missing part named with its fix in one line. */
final class TraceHost {

    static final Path KERNEL_BTF = Path.of("/sys/kernel/btf/vmlinux");
    static final List<Path> TRACEPOINT = List.of(Path.of("/sys/kernel/tracing/events/raw_syscalls/sys_enter"),
            Path.of("/sys/kernel/debug/tracing/events/raw_syscalls/sys_enter"));

    private TraceHost() {
    }

    /** The bpftrace to run. */
    static Path check() {
        if (!LabStateDirectory.isRoot()) {
            throw limit("recording system calls loads an eBPF program into the kernel, which needs root; run the lab as root");
        }
        Path bpftrace = HostExecutables.find("bpftrace").orElseThrow(() ->
                limit("recording system calls needs bpftrace, and this host has none: apt-get install bpftrace"));
        if (!Files.exists(KERNEL_BTF)) {
            throw limit("recording system calls reads the kernel's task structures through BTF, and this kernel has no "
                    + KERNEL_BTF + " (it was built without CONFIG_DEBUG_INFO_BTF); use a kernel that has it");
        }
        if (TRACEPOINT.stream().noneMatch(Files::isDirectory)) {
            throw limit("recording system calls needs the raw_syscalls tracepoints, and tracefs is not mounted: "
                    + "mount -t tracefs tracefs /sys/kernel/tracing");
        }
        return bpftrace;
    }

    private static HostLimitException limit(String message) {
        return new HostLimitException(message, null);
    }
}
