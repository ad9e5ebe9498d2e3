package dev.seccomplab.report;

import dev.seccomplab.scenarios.CheckResult;
import dev.seccomplab.scenarios.SuiteResult;
import dev.seccomplab.scenarios.Verdict;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run as a terminal table (scenario, check, expected, observed, verdict), with host limits
 * and errors explained below it, and a summary line with the suite's wall time.
 */
public final class ConsoleReport {

    private static final String[] HEADERS = {"SCENARIO", "CHECK", "EXPECTED", "OBSERVED", "VERDICT"};
    /** The same table for practice tasks: their first column is the task. */
    public static final String TASK = "TASK";
    /** A scenario's or task's name is one word that a reader types again: it never wraps. */
    private static final int[] MAX_WIDTHS = {Integer.MAX_VALUE, 30, 36, 48, 14};

    private ConsoleReport() {
    }

    public static void print(SuiteResult suite, PrintWriter out) {
        print(suite, HEADERS[0], out);
    }

    /** @param firstColumn what the first column holds: scenarios, or {@link #TASK}s */
    public static void print(SuiteResult suite, String firstColumn, PrintWriter out) {
        out.println("Environment: " + suite.environment() + " (" + suite.environmentDescription() + ")");
        out.println();
        printChecks(suite.checks(), firstColumn, out);
        out.println(summaryLine(suite));
    }

    /** The table alone, with what was not judged explained below it: a notebook cell's plain-text output. */
    public static String table(List<CheckResult> checks) {
        StringWriter text = new StringWriter();
        printChecks(checks, HEADERS[0], new PrintWriter(text));
        return text.toString();
    }

    private static void printChecks(List<CheckResult> checks, String firstColumn, PrintWriter out) {
        List<String[]> rows = new ArrayList<>();
        for (CheckResult check : checks) {
            rows.add(new String[] {check.scenario(), check.check(), check.expected(), check.observed(), label(check.verdict())});
        }
        String[] headers = HEADERS.clone();
        headers[0] = firstColumn;
        int[] widths = widths(rows);
        printRow(headers, widths, out);
        printRule(widths, out);
        String previousScenario = null;
        for (String[] row : rows) {
            if (previousScenario != null && !previousScenario.equals(row[0])) {
                printRule(widths, out);
            }
            String[] shown = row.clone();
            if (row[0].equals(previousScenario)) {
                shown[0] = "";
            }
            printRow(shown, widths, out);
            previousScenario = row[0];
        }
        printRule(widths, out);
        printExplanations(checks, out);
        out.flush();
    }

    /** One line: counts by verdict and the wall time, e.g. for a closing line or a title. */
    public static String summaryLine(SuiteResult suite) {
        Map<Verdict, Long> counts = suite.countByVerdict();
        return String.format(Locale.ROOT, "%d passed, %d failed, %d host limit, %d not applicable, %d errors; wall time %.1f s",
                counts.get(Verdict.PASS), counts.get(Verdict.FAIL), counts.get(Verdict.HOST_LIMIT),
                counts.get(Verdict.NOT_APPLICABLE), counts.get(Verdict.ERROR), suite.wallTime().toMillis() / 1000.0);
    }

    static String label(Verdict verdict) {
        return verdict.name().replace('_', ' ');
    }

    /** Host limits, not-applicable and errors each explained once per scenario, not once per check. */
    private static void printExplanations(List<CheckResult> checks, PrintWriter out) {
        Map<String, String> explanations = new LinkedHashMap<>();
        for (CheckResult check : checks) {
            if (check.verdict() == Verdict.HOST_LIMIT || check.verdict() == Verdict.NOT_APPLICABLE
                    || check.verdict() == Verdict.ERROR) {
                explanations.putIfAbsent(check.scenario() + " (" + label(check.verdict()) + ")", check.evidence());
            }
        }
        if (explanations.isEmpty()) {
            return;
        }
        out.println("Not judged as pass or fail, and why:");
        explanations.forEach((scenario, why) -> {
            out.println("  " + scenario + ":");
            TextWrap.wrap(why, 100).forEach(line -> out.println("    " + line));
        });
    }

    private static int[] widths(List<String[]> rows) {
        int[] widths = new int[HEADERS.length];
        for (int i = 0; i < HEADERS.length; i++) {
            widths[i] = HEADERS[i].length();
            for (String[] row : rows) {
                widths[i] = Math.max(widths[i], Math.min(row[i].length(), MAX_WIDTHS[i]));
            }
        }
        return widths;
    }

    private static void printRow(String[] cells, int[] widths, PrintWriter out) {
        List<List<String>> wrapped = new ArrayList<>();
        int height = 1;
        for (int i = 0; i < cells.length; i++) {
            List<String> lines = TextWrap.wrap(cells[i], widths[i]);
            wrapped.add(lines);
            height = Math.max(height, lines.size());
        }
        for (int line = 0; line < height; line++) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < cells.length; i++) {
                String part = line < wrapped.get(i).size() ? wrapped.get(i).get(line) : "";
                text.append(String.format("%-" + widths[i] + "s", part));
                if (i < cells.length - 1) {
                    text.append("  ");
                }
            }
            out.println(text.toString().stripTrailing());
        }
    }

    private static void printRule(int[] widths, PrintWriter out) {
        int total = 0;
        for (int width : widths) {
            total += width + 2;
        }
        out.println("-".repeat(total - 2));
    }
}
