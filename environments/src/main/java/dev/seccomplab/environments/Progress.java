package dev.seccomplab.environments;

/** Receives one line per step of a long operation (starting a cluster, building an image). */
@FunctionalInterface
public interface Progress {

    Progress SILENT = step -> { };

    void step(String message);
}
