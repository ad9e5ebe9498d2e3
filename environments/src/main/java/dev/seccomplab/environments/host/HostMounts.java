package dev.seccomplab.environments.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The mounts of this host, for removing what the lab's runtimes and kubelets mounted below their directories. */
public final class HostMounts {

    private static final Pattern OCTAL_ESCAPE = Pattern.compile("\\\\([0-7]{3})");

    private HostMounts() {
    }

    /** Lazily unmounts everything mounted at or below {@code directory}, deepest first; returns the mount points. */
    public static List<String> unmountBelow(Path directory) {
        String root = directory.toAbsolutePath().normalize().toString();
        List<String> mounts;
        try {
            mounts = Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                    .map(line -> decode(line.split(" ")[4]))
                    .filter(mountPoint -> mountPoint.equals(root) || mountPoint.startsWith(root + "/"))
                    .distinct()
                    .sorted(Comparator.comparingInt(String::length).reversed())
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
        mounts.forEach(mountPoint -> HostCommand.of("umount", "--lazy", mountPoint).timeout(Duration.ofSeconds(30)).run());
        return mounts;
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
}
