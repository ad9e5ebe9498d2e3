package dev.seccomplab.report;

import dev.seccomplab.scenarios.CheckResult;
import dev.seccomplab.scenarios.ScenarioResult;
import dev.seccomplab.scenarios.Verdict;
import java.util.List;

/**
 * Checks as an HTML table with its own inline style: one row per check (expected, observed,
 * verdict) and the evidence folded away. The report page and the notebook cells both use it.
 */
public final class CheckTableHtml {

    /** Selectors specific enough to win over the notebook front ends' own table styles. */
    private static final String STYLE = "<style>"
            + "div.seccomp-lab table{border-collapse:collapse;width:100%;table-layout:fixed}"
            + "div.seccomp-lab table.checks thead tr th,div.seccomp-lab table.checks tbody tr td{border:1px solid #d0d7de;padding:.4rem .6rem;"
            + "vertical-align:top;text-align:left}"
            + "div.seccomp-lab table thead th{background:#f6f8fa}"
            + "div.seccomp-lab code,div.seccomp-lab pre{font-family:ui-monospace,monospace}"
            // Jupyter's own styles break pre text anywhere ("kub/elet") and hide the summary's triangle.
            + "div.seccomp-lab pre{white-space:pre-wrap;word-break:normal;overflow-wrap:break-word;max-height:24rem;overflow:auto;"
            + "background:#f6f8fa;padding:.5rem;text-align:left}"
            + "div.seccomp-lab details summary{display:list-item;cursor:pointer;color:#0969da}"
            + "div.seccomp-lab table td{overflow-wrap:break-word}"
            + "div.seccomp-lab span.verdict{display:inline-block;padding:.1rem .5rem;border-radius:1rem;font-weight:bold;font-size:.85em;"
            + "color:#fff;white-space:nowrap}"
            + "div.seccomp-lab span.verdict.PASS{background:#1a7f37}"
            + "div.seccomp-lab span.verdict.FAIL,div.seccomp-lab span.verdict.ERROR{background:#cf222e}"
            + "div.seccomp-lab span.verdict.HOST_LIMIT{background:#9a6700}"
            + "div.seccomp-lab span.verdict.NOT_APPLICABLE{background:#57606a}"
            + "div.seccomp-lab table tbody tr.PASS td{background:#dafbe1}"
            + "div.seccomp-lab table tbody tr.FAIL td,div.seccomp-lab table tbody tr.ERROR td{background:#ffebe9}"
            + "div.seccomp-lab table tbody tr.HOST_LIMIT td{background:#fff8c5}"
            + "div.seccomp-lab table tbody tr.NOT_APPLICABLE td{background:#eaeef2}"
            + "div.seccomp-lab .lesson{color:#57606a;font-size:.9em}"
            + "</style>";

    private CheckTableHtml() {
    }

    public static String table(List<ScenarioResult> scenarios) {
        StringBuilder html = new StringBuilder(STYLE);
        // Expected and observed are the sentences a trainee reads; the verdict is a badge.
        html.append("<div class=\"seccomp-lab\"><table class=\"checks\"><colgroup><col style=\"width:14%\"><col style=\"width:16%\">"
                + "<col style=\"width:22%\"><col style=\"width:22%\"><col style=\"width:10%\"><col style=\"width:16%\"></colgroup>"
                + "<thead><tr><th>Scenario</th><th>Check</th><th>Expected</th><th>Observed</th><th>Verdict</th><th>Evidence</th></tr></thead>"
                + "<tbody>\n");
        for (ScenarioResult scenario : scenarios) {
            boolean first = true;
            for (CheckResult check : scenario.checks()) {
                html.append("<tr class=\"").append(check.verdict().name()).append("\">");
                if (first) {
                    html.append("<td rowspan=\"").append(scenario.checks().size()).append("\"><b>").append(escape(scenario.scenario()))
                            .append("</b><div class=\"lesson\">").append(escape(scenario.title())).append("</div></td>");
                    first = false;
                }
                html.append("<td><code>").append(escape(check.check())).append("</code></td><td>").append(escape(check.expected()))
                        .append("</td><td>").append(escape(check.observed())).append("</td><td><span class=\"verdict ").append(check.verdict().name())
                        .append("\">").append(ConsoleReport.label(check.verdict())).append("</span></td><td><details><summary>")
                        .append(check.verdict() == Verdict.PASS ? "raw output" : "why").append("</summary><pre>")
                        .append(escape(check.evidence())).append("</pre></details></td></tr>\n");
            }
        }
        return html.append("</tbody></table></div>\n").toString();
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
