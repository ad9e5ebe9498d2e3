package dev.seccomplab.scenarios;

/**
 * One check's outcome: what the lesson expects, what the kernel or the node showed, the verdict,
 * and the raw output it was judged on.
 */
public record CheckResult(String scenario, String check, String expected, String observed, Verdict verdict, String evidence) {
}
