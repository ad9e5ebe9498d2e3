package dev.seccomplab.environments.cri;

import dev.seccomplab.environments.HostExecutables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a lab containerd's work can leave outside its own bookkeeping when the lab is killed in the
 * middle of a RunPodSandbox: a container runc made, the shim that watches it, a mount. containerd
 * itself forgets such a half-made pod on its next start, so the lab removes them by where they
 * live: its own runc root, its own socket, its own directory.
 */
final class OrphanSweep {

    private static final Pattern OCTAL_ESCAPE = Pattern.compile("\\\\([0-7]{3})");

    private OrphanSweep() {
    }

    /** Removes every container, shim and mount of the containerd in {@code directory}; returns what it removed. */
    static List<String> sweep(Path directory) {
        List<String> removed = new ArrayList<>();
        removed.addAll(deleteContainers(directory.resolve(ContainerdConfig.RUNC_ROOT)));
        removed.addAll(killShims(directory.resolve(ContainerdConfig.SOCKET)));
        removed.addAll(unmountBelow(directory));
        return removed;
    }

    private static List<String> deleteContainers(Path runcRoot) {
        Optional<Path> runc = HostExecutables.find("runc");
        if (runc.isEmpty() || !Files.isDirectory(runcRoot)) {
            return List.of();
        }
        List<String> removed = new ArrayList<>();
        for (String id : run(runc.get().toString(), "--root", runcRoot.toString(), "list", "-q").lines().toList()) {
            if (!id.isBlank()) {
                run(runc.get().toString(), "--root", runcRoot.toString(), "delete", "--force", id.strip());
                removed.add("container " + id.strip().substring(0, Math.min(12, id.strip().length())));
            }
        }
        return removed;
    }

    private static List<String> killShims(Path socket) {
        List<String> killed = new ArrayList<>();
        ProcessHandle.allProcesses().forEach(process -> {
            String cmdline = cmdline(process.pid());
            if (cmdline.contains("containerd-shim") && cmdline.contains("-address " + socket + " ")) {
                process.destroyForcibly();
                killed.add("shim " + process.pid());
            }
        });
        return killed;
    }

    private static List<String> unmountBelow(Path directory) {
        String prefix = directory.toAbsolutePath() + "/";
        List<String> mounts;
        try {
            mounts = Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                    .map(line -> decode(line.split(" ")[4]))
                    .filter(mountPoint -> mountPoint.startsWith(prefix))
                    .sorted(Comparator.comparingInt(String::length).reversed())
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
        mounts.forEach(mountPoint -> run("umount", "--lazy", mountPoint));
        return mounts.stream().map(mountPoint -> "mount " + mountPoint).toList();
    }

    /** mountinfo writes spaces and other odd characters as octal escapes. */
    static String decode(String field) {
        Matcher matcher = OCTAL_ESCAPE.matcher(field);
        StringBuilder decoded = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(decoded, Character.toString((char) Integer.parseInt(matcher.group(1), 8)));
        }
        return matcher.appendTail(decoded).toString();
    }

    private static String cmdline(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ');
        } catch (IOException gone) {
            return "";
        }
    }

    private static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(30, TimeUnit.SECONDS);
            return output;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
