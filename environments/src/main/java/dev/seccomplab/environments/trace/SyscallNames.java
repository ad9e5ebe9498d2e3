package dev.seccomplab.environments.trace;

import dev.seccomplab.environments.HostExecutables;
import dev.seccomplab.environments.HostLimitException;
import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.host.HostCommand;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * x86_64 system call numbers as names, by libseccomp's own resolver: runc turns a profile's names
 * into numbers with the same library, so a name from here means the same call in a profile.
 */
public final class SyscallNames {

    private SyscallNames() {
    }

    /** Each number with its name, in the order of the numbers. */
    public static SortedMap<Integer, String> of(Collection<Integer> numbers) {
        String resolver = HostExecutables.find("scmp_sys_resolver").map(Object::toString).orElseThrow(() -> new HostLimitException(
                "naming the recorded system calls needs libseccomp's scmp_sys_resolver, and this host has none: "
                        + "apt-get install seccomp", null));
        SortedMap<Integer, String> names = new TreeMap<>();
        List<String> unknown = new ArrayList<>();
        for (int number : numbers) {
            HostCommand.Result result = HostCommand.of(resolver, "-a", "x86_64", Integer.toString(number)).run();
            String name = result.output().strip();
            if (!result.succeeded() || name.isEmpty() || name.equals("UNKNOWN")) {
                unknown.add(number + (result.succeeded() ? "" : " (" + name + ")"));
            } else {
                names.put(number, name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new LabEnvironmentException("libseccomp's scmp_sys_resolver does not know x86_64 system call(s) " + unknown
                    + ", which the kernel saw: this libseccomp is older than the kernel; a profile cannot name them");
        }
        return names;
    }
}
