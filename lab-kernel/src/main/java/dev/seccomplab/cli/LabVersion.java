package dev.seccomplab.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest, so that it is written in one place (the POM). */
final class LabVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = LabVersion.class.getPackage().getImplementationVersion();
        return new String[] {"seccomp-lab " + (version == null ? "(development build)" : version)};
    }
}
