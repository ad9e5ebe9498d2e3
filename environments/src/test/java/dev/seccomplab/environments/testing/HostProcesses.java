package dev.seccomplab.environments.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** This host's processes as {@code ps} shows them, for tests that check nothing was left running. */
public final class HostProcesses {

    private HostProcesses() {
    }

    /** Command lines that name the path: a containerd, its shims, their containers. The test's own JVM excluded. */
    public static List<String> mentioning(String path) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .map(p -> cmdline(p.pid()))
                .filter(cmdline -> cmdline.contains(path))
                .toList();
    }

    private static String cmdline(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ');
        } catch (IOException gone) {
            return "";
        }
    }
}
