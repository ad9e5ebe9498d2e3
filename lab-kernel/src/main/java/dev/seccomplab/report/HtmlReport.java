package dev.seccomplab.report;

import dev.seccomplab.scenarios.SuiteResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The run as one self-contained HTML page: no scripts, no external styles, evidence folded away. */
final class HtmlReport {

    private static final String PAGE_STYLE = "body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1f24}";

    private HtmlReport() {
    }

    static void write(SuiteResult suite, Path file) throws IOException {
        Files.writeString(file, render(suite));
    }

    static String render(SuiteResult suite) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Seccomp Lab report</title><style>")
                .append(PAGE_STYLE).append("</style></head><body>\n");
        html.append("<h1>Seccomp Lab report</h1>\n<p>Environment: <b>").append(CheckTableHtml.escape(suite.environment())).append("</b> (")
                .append(CheckTableHtml.escape(suite.environmentDescription())).append(")<br>Started ").append(CheckTableHtml.escape(suite.started().toString()))
                .append("<br>").append(CheckTableHtml.escape(ConsoleReport.summaryLine(suite))).append("</p>\n");
        html.append(CheckTableHtml.table(suite.scenarios()));
        html.append("</body></html>\n");
        return html.toString();
    }

}
