package dev.seccomplab.scenarios.practice;

import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.Manifests;
import dev.seccomplab.environments.Workload;
import dev.seccomplab.environments.kubelet.KubeletConfigFile;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a trainee's files ask for, read and checked before anything is applied: the workloads by
 * name, the Localhost profiles to install, and the node's {@code seccompDefault}.
 */
record TraineeSetup(Map<String, Workload> workloads, Map<String, String> localhostProfiles, boolean seccompDefault) {

    /** A file of the trainee's that cannot be used as it is; the message names the file and what to do. */
    static final class UnusableFileException extends RuntimeException {
        UnusableFileException(String message) {
            super(message);
        }
    }

    static TraineeSetup read(PracticeDirectory directory) {
        Grading grading = directory.task().grading();
        Map<String, Workload> workloads = new LinkedHashMap<>();
        for (String file : grading.manifests()) {
            String yaml = required(directory, file);
            String source = directory.path().resolve(file).toString();
            try {
                Manifests.parseWorkloads(yaml, source).forEach(workload -> add(workloads, workload, source));
            } catch (LabEnvironmentException e) {
                throw new UnusableFileException(e.getMessage());
            }
        }
        grading.probe().ifPresent(probe -> add(workloads, probe, directory.task().source() + "'s probe"));
        boolean seccompDefault = grading.kubeletConfig().map(file -> {
            try {
                return KubeletConfigFile.seccompDefault(required(directory, file), directory.path().resolve(file).toString());
            } catch (LabEnvironmentException e) {
                throw new UnusableFileException(e.getMessage());
            }
        }).orElse(grading.nodeSeccompDefault());
        Map<String, String> profiles = grading.seccompProfiles().map(directory::jsonFilesBelow).orElse(Map.of());
        return new TraineeSetup(workloads, profiles, seccompDefault);
    }

    Optional<Workload> workload(String name) {
        return Optional.ofNullable(workloads.get(name));
    }

    private static String required(PracticeDirectory directory, String file) {
        return directory.read(file).orElseThrow(() -> new UnusableFileException(directory.path().resolve(file)
                + " is missing; 'lab practice reset " + directory.task().name() + "' puts the starting files back"));
    }

    private static void add(Map<String, Workload> workloads, Workload workload, String source) {
        if (workloads.putIfAbsent(workload.name(), workload) != null) {
            throw new UnusableFileException(source + ": two workloads are named " + workload.name() + "; names must differ");
        }
    }
}
