package dev.seccomplab.scenarios;

/**
 * One check's outcome: what the lesson expects, what the kernel or the node showed, the verdict,
 * and the raw output it was judged on. Every text is {@link PrintableText}, made so here, once,
 * because a pod's output reaches every report and screen through this record.
 */
public record CheckResult(String scenario, String check, String expected, String observed, Verdict verdict, String evidence) {

    public CheckResult {
        scenario = PrintableText.of(scenario, PrintableText.FIELD_LIMIT);
        check = PrintableText.of(check, PrintableText.FIELD_LIMIT);
        expected = PrintableText.of(expected, PrintableText.FIELD_LIMIT);
        observed = PrintableText.of(observed, PrintableText.FIELD_LIMIT);
        evidence = PrintableText.of(evidence, PrintableText.EVIDENCE_LIMIT);
    }
}
