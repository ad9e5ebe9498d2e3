package dev.seccomplab.kernel;

import java.nio.file.Path;

/**
 * What a kernel JVM starts from: classes a training run loaded, already parsed and linked. JDK 25
 * has the ahead-of-time cache (JEP 483, made in one step by JEP 514); JDK 13 to 24 have the
 * dynamic class-data-sharing archive, which keeps the parsing but not the linking.
 */
enum StartupCache {
    AOT_CACHE("AOT cache (JEP 483)", "kernel.aot", "-XX:AOTCacheOutput=", "-XX:AOTCache="),
    APP_CDS("class-data-sharing archive (AppCDS)", "kernel-classes.jsa", "-XX:ArchiveClassesAtExit=", "-XX:SharedArchiveFile=");

    /** The first feature release whose {@code java} makes an AOT cache in one training run. */
    static final int AOT_CACHE_SINCE = 25;

    private final String description;
    private final String fileName;
    private final String recordOption;
    private final String useOption;

    StartupCache(String description, String fileName, String recordOption, String useOption) {
        this.description = description;
        this.fileName = fileName;
        this.recordOption = recordOption;
        this.useOption = useOption;
    }

    static StartupCache forFeature(int feature) {
        return feature >= AOT_CACHE_SINCE ? AOT_CACHE : APP_CDS;
    }

    String description() {
        return description;
    }

    Path file(Path kernelspecDir) {
        return kernelspecDir.resolve(fileName);
    }

    /** The option that makes the training run write the cache at its exit. */
    String record(Path file) {
        return recordOption + file;
    }

    /** The option that makes the kernel start from it. */
    String use(Path file) {
        return useOption + file;
    }
}
