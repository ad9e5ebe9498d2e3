package dev.seccomplab.environments;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;

/**
 * Labels on everything the lab starts. Testcontainers' Ryuk reaper cannot run on our hosts, so
 * the lab finds its own leftovers by these labels and removes them itself.
 */
public final class LabLabels {

    public static final String MANAGED = "dev.seccomplab.managed";
    /**
     * {@code host_pid} of the lab process that started the object; written to be a valid
     * Kubernetes label value too (no colon, at most 63 characters).
     */
    public static final String OWNER = "dev.seccomplab.owner";
    public static final String WORKSPACE = "dev.seccomplab.workspace";
    public static final String POD = "dev.seccomplab.pod";

    private LabLabels() {
    }

    public static Map<String, String> forThisProcess() {
        return Map.of(MANAGED, "true", OWNER, thisOwner());
    }

    public static String thisOwner() {
        return hostName() + "_" + ProcessHandle.current().pid();
    }

    /**
     * True when the owner was a process on this host that is gone: its objects are leftovers of a
     * killed run. Objects of other hosts are never judged gone, since their process cannot be seen.
     */
    public static boolean ownerIsGone(String owner) {
        if (owner == null) {
            return true;
        }
        int separator = owner.lastIndexOf('_');
        if (separator < 0 || !owner.substring(0, separator).equals(hostName())) {
            return false;
        }
        try {
            long pid = Long.parseLong(owner.substring(separator + 1));
            Optional<ProcessHandle> process = ProcessHandle.of(pid);
            return process.isEmpty() || !process.get().isAlive() || isZombie(pid);
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /** A killed process whose parent has not reaped it yet still has a PID, but it runs nothing any more. */
    private static boolean isZombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The short host name, cut so that {@code host_pid} stays a valid label value. */
    private static String hostName() {
        String name;
        try {
            name = InetAddress.getLocalHost().getHostName().split("\\.")[0];
        } catch (UnknownHostException e) {
            name = "localhost";
        }
        name = name.replaceAll("[^A-Za-z0-9-]", "-");
        return name.substring(0, Math.min(name.length(), 40));
    }
}
