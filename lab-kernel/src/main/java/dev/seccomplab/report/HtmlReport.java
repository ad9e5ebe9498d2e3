package dev.seccomplab.report;

import dev.seccomplab.scenarios.CheckResult;
import dev.seccomplab.scenarios.ScenarioResult;
import dev.seccomplab.scenarios.SuiteResult;
import dev.seccomplab.scenarios.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The run as one self-contained HTML page: no scripts, no external styles, evidence folded away. */
final class HtmlReport {

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1f24}
            table{border-collapse:collapse;width:100%}th,td{border:1px solid #d0d7de;padding:.4rem .6rem;vertical-align:top;text-align:left}
            th{background:#f6f8fa}code,pre{font-family:ui-monospace,monospace}pre{white-space:pre-wrap;max-height:24rem;overflow:auto;background:#f6f8fa;padding:.5rem}
            .PASS{background:#dafbe1}.FAIL{background:#ffebe9}.ERROR{background:#ffebe9}.HOST_LIMIT{background:#fff8c5}.NOT_APPLICABLE{background:#eaeef2}
            .lesson{color:#57606a;font-size:.9em}
            """;

    private HtmlReport() {
    }

    static void write(SuiteResult suite, Path file) throws IOException {
        Files.writeString(file, render(suite));
    }

    static String render(SuiteResult suite) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Seccomp Lab report</title><style>")
                .append(STYLE).append("</style></head><body>\n");
        html.append("<h1>Seccomp Lab report</h1>\n<p>Environment: <b>").append(escape(suite.environment())).append("</b> (")
                .append(escape(suite.environmentDescription())).append(")<br>Started ").append(escape(suite.started().toString()))
                .append("<br>").append(escape(ConsoleReport.summaryLine(suite))).append("</p>\n");
        html.append("<table><thead><tr><th>Scenario</th><th>Check</th><th>Expected</th><th>Observed</th><th>Verdict</th><th>Evidence</th></tr></thead><tbody>\n");
        for (ScenarioResult scenario : suite.scenarios()) {
            boolean first = true;
            for (CheckResult check : scenario.checks()) {
                html.append("<tr class=\"").append(check.verdict().name()).append("\">");
                if (first) {
                    html.append("<td rowspan=\"").append(scenario.checks().size()).append("\"><b>").append(escape(scenario.scenario()))
                            .append("</b><div class=\"lesson\">").append(escape(scenario.title())).append("</div></td>");
                    first = false;
                }
                html.append("<td><code>").append(escape(check.check())).append("</code></td><td>").append(escape(check.expected()))
                        .append("</td><td>").append(escape(check.observed())).append("</td><td>")
                        .append(ConsoleReport.label(check.verdict())).append("</td><td><details><summary>")
                        .append(check.verdict() == Verdict.PASS ? "raw output" : "why").append("</summary><pre>")
                        .append(escape(check.evidence())).append("</pre></details></td></tr>\n");
            }
        }
        html.append("</tbody></table>\n</body></html>\n");
        return html.toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
