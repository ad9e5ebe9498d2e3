package dev.seccomplab.notebook;

import dev.seccomplab.environments.profile.SeccompProfileSummary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * What a seccomp profile lets through, family by family of system calls, as an SVG bar chart and as
 * a text table. The families are the lab's own grouping of the x86-64 calls a lesson talks about;
 * each bar counts the family's calls the profile allows (with or without argument filters) and
 * those it refuses, its default action included.
 */
public final class ProfileChart {

    /** Family → its system calls, by name. */
    static final Map<String, List<String>> FAMILIES = new LinkedHashMap<>();

    static {
        FAMILIES.put("files", List.of("open", "openat", "openat2", "creat", "read", "write", "pread64", "pwrite64", "readv",
                "writev", "close", "close_range", "lseek", "stat", "fstat", "lstat", "newfstatat", "statx", "access", "faccessat",
                "faccessat2", "getdents64", "mkdir", "mkdirat", "rmdir", "unlink", "unlinkat", "rename", "renameat", "renameat2",
                "link", "linkat", "symlink", "symlinkat", "readlink", "readlinkat", "chmod", "fchmod", "fchmodat", "chown",
                "fchown", "fchownat", "lchown", "truncate", "ftruncate", "fsync", "fdatasync", "sync", "syncfs", "fcntl",
                "dup", "dup2", "dup3", "pipe", "pipe2", "sendfile", "copy_file_range", "splice", "tee", "fallocate",
                "utimensat", "chdir", "fchdir", "getcwd", "flock", "umask", "statfs", "fstatfs"));
        FAMILIES.put("processes", List.of("clone", "clone3", "fork", "vfork", "execve", "execveat", "exit", "exit_group",
                "wait4", "waitid", "kill", "tkill", "tgkill", "getpid", "getppid", "gettid", "setsid", "setpgid", "getpgid",
                "prctl", "arch_prctl", "rt_sigaction", "rt_sigprocmask", "rt_sigreturn", "sigaltstack", "setuid", "setgid",
                "setresuid", "setresgid", "getuid", "geteuid", "getgid", "getegid", "capget", "capset", "sched_yield",
                "sched_setaffinity", "sched_getaffinity", "setpriority", "getpriority", "getrlimit", "setrlimit", "prlimit64",
                "pidfd_open", "pidfd_send_signal", "set_tid_address", "set_robust_list", "futex", "rseq"));
        FAMILIES.put("memory", List.of("mmap", "munmap", "mprotect", "brk", "mremap", "madvise", "mlock", "munlock",
                "mlockall", "munlockall", "msync", "mincore", "membarrier", "memfd_create", "userfaultfd", "mbind",
                "set_mempolicy", "get_mempolicy", "move_pages", "migrate_pages"));
        FAMILIES.put("network", List.of("socket", "socketpair", "connect", "accept", "accept4", "bind", "listen", "sendto",
                "recvfrom", "sendmsg", "recvmsg", "sendmmsg", "recvmmsg", "shutdown", "getsockname", "getpeername",
                "setsockopt", "getsockopt"));
        FAMILIES.put("waiting and events", List.of("poll", "ppoll", "select", "pselect6", "epoll_create", "epoll_create1",
                "epoll_ctl", "epoll_wait", "epoll_pwait", "eventfd", "eventfd2", "signalfd", "signalfd4", "inotify_init",
                "inotify_init1", "inotify_add_watch", "inotify_rm_watch", "io_uring_setup", "io_uring_enter", "io_uring_register"));
        FAMILIES.put("time", List.of("clock_gettime", "clock_getres", "clock_nanosleep", "clock_settime", "clock_adjtime",
                "gettimeofday", "settimeofday", "adjtimex", "time", "times", "nanosleep", "alarm", "getitimer", "setitimer",
                "timer_create", "timer_settime", "timer_gettime", "timer_delete", "timerfd_create", "timerfd_settime",
                "timerfd_gettime"));
        FAMILIES.put("keys", List.of("keyctl", "add_key", "request_key"));
        FAMILIES.put("namespaces and mounts", List.of("unshare", "setns", "mount", "umount2", "pivot_root", "chroot",
                "open_tree", "move_mount", "fsopen", "fsmount", "fsconfig", "fspick", "mount_setattr"));
        FAMILIES.put("kernel and system", List.of("reboot", "swapon", "swapoff", "sethostname", "setdomainname",
                "init_module", "finit_module", "delete_module", "kexec_load", "kexec_file_load", "acct", "quotactl", "bpf",
                "perf_event_open", "ptrace", "process_vm_readv", "process_vm_writev", "kcmp", "syslog", "iopl", "ioperm",
                "lookup_dcookie", "vhangup", "uname", "sysinfo"));
    }

    /** One family's bar: its calls the profile allows, and those it refuses. */
    public record Family(List<String> allowed, List<String> refused) {

        /** The bar in words, e.g. "0 allowed, 3 refused: add_key keyctl request_key". */
        @Override
        public String toString() {
            return allowed.size() + " allowed, " + refused.size() + " refused" + (refused.isEmpty() ? "" : ": " + String.join(" ", refused));
        }
    }

    private final String defaultAction;
    private final Map<String, Family> families;

    private ProfileChart(String defaultAction, Map<String, Family> families) {
        this.defaultAction = defaultAction;
        this.families = families;
    }

    public static ProfileChart of(SeccompProfileSummary profile) {
        Map<String, Family> families = new LinkedHashMap<>();
        FAMILIES.forEach((family, calls) -> {
            TreeSet<String> allowed = new TreeSet<>();
            TreeSet<String> refused = new TreeSet<>();
            for (String call : calls) {
                (profile.verdictFor(call) == SeccompProfileSummary.Verdict.NOT_ALLOWED ? refused : allowed).add(call);
            }
            families.put(family, new Family(List.copyOf(allowed), List.copyOf(refused)));
        });
        return new ProfileChart(profile.defaultAction(), families);
    }

    public Map<String, Family> families() {
        return families;
    }

    public String text() {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%-24s %7s %7s  %s%n", "FAMILY", "ALLOWED", "REFUSED", "REFUSED CALLS"));
        families.forEach((name, family) -> text.append(String.format(Locale.ROOT, "%-24s %7d %7d  %s%n", name,
                family.allowed().size(), family.refused().size(), String.join(" ", family.refused()))));
        return text.append("default action: ").append(defaultAction).append('\n').toString();
    }

    public String svg() {
        int rowHeight = 26;
        int labelWidth = 180;
        int barWidth = 420;
        int height = 50 + families.size() * rowHeight + 30;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(labelWidth + barWidth + 150)
                .append("\" height=\"").append(height).append("\" font-family=\"sans-serif\" font-size=\"13\">");
        svg.append("<text x=\"0\" y=\"18\" font-weight=\"bold\">What the profile lets through, by family of system calls</text>");
        svg.append("<text x=\"0\" y=\"36\" fill=\"#57606a\">green: allowed, red: refused (default action ")
                .append(escape(defaultAction)).append(")</text>");
        int y = 50;
        for (Map.Entry<String, Family> entry : families.entrySet()) {
            Family family = entry.getValue();
            int total = family.allowed().size() + family.refused().size();
            int allowedWidth = total == 0 ? 0 : Math.round(barWidth * family.allowed().size() / (float) total);
            svg.append("<text x=\"0\" y=\"").append(y + 17).append("\">").append(escape(entry.getKey())).append("</text>");
            svg.append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y + 4).append("\" width=\"").append(allowedWidth)
                    .append("\" height=\"18\" fill=\"#2da44e\"><title>").append(escape(String.join(" ", family.allowed())))
                    .append("</title></rect>");
            svg.append("<rect x=\"").append(labelWidth + allowedWidth).append("\" y=\"").append(y + 4).append("\" width=\"")
                    .append(barWidth - allowedWidth).append("\" height=\"18\" fill=\"#cf222e\"><title>")
                    .append(escape(String.join(" ", family.refused()))).append("</title></rect>");
            svg.append("<text x=\"").append(labelWidth + barWidth + 8).append("\" y=\"").append(y + 17).append("\">")
                    .append(family.allowed().size()).append(" / ").append(total).append(" allowed</text>");
            y += rowHeight;
        }
        return svg.append("</svg>").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
