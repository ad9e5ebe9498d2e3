package dev.seccomplab.scenarios.record;

import dev.seccomplab.scenarios.ScenarioResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A recording and its proof.
 *
 * @param profilePath the profile's path under the kubelet's seccomp directory, as the proof's pod names it
 * @param proof the workload under its own profile: the exercise succeeds, the recording's proof holds
 */
public record RecordResult(RecordedCalls calls, LeastPrivilegeProfile profile, String profilePath, ScenarioResult proof) {

    public boolean proved() {
        return proof.passed();
    }

    /**
     * Writes the profile as {@code NAME.json} into {@code directory}, and with {@code operatorResource}
     * also {@code NAME.seccompprofile.yaml}; returns the files written.
     */
    public List<Path> write(Path directory, boolean operatorResource) {
        List<Path> files = new ArrayList<>();
        try {
            Files.createDirectories(directory);
            files.add(Files.writeString(directory.resolve(calls.recording() + ".json"), profile.json()));
            if (operatorResource) {
                files.add(Files.writeString(directory.resolve(calls.recording() + ".seccompprofile.yaml"),
                        profile.securityProfilesOperatorResource()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the profile into " + directory + ": " + e.getMessage(), e);
        }
        return files;
    }
}
