package dev.seccomplab.report;

import dev.seccomplab.scenarios.SuiteResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes the three report files of a run into one directory. */
public final class ReportWriter {

    public static final String JSON = "report.json";
    public static final String JUNIT_XML = "junit.xml";
    public static final String HTML = "report.html";

    private ReportWriter() {
    }

    /** @return the files written */
    public static List<Path> write(SuiteResult suite, Path directory) {
        try {
            Files.createDirectories(directory);
            JsonReport.write(suite, directory.resolve(JSON));
            JunitXmlReport.write(suite, directory.resolve(JUNIT_XML));
            HtmlReport.write(suite, directory.resolve(HTML));
            return List.of(directory.resolve(HTML), directory.resolve(JSON), directory.resolve(JUNIT_XML));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the report into " + directory + ": " + e.getMessage()
                    + ". Choose a writable directory with --report DIR.", e);
        }
    }
}
