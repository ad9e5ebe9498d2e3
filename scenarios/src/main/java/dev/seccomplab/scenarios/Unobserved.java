package dev.seccomplab.scenarios;

import dev.seccomplab.environments.HostLimitException;
import dev.seccomplab.environments.NotApplicableException;

/**
 * What a row says when an exception kept the lab from observing. This is the one place an
 * exception becomes a verdict: a host limit and "not applicable here" are never a pass or a fail,
 * and anything else is what the caller says it is (an error of the lab, or the trainee's failure).
 */
public record Unobserved(String observed, Verdict verdict, String evidence) {

    /**
     * @param otherwise the verdict of any other exception
     * @param observedOtherwise what the row says was observed then
     */
    public static Unobserved of(RuntimeException e, Verdict otherwise, String observedOtherwise) {
        if (e instanceof HostLimitException) {
            return new Unobserved("not run: host limit", Verdict.HOST_LIMIT, e.getMessage());
        }
        if (e instanceof NotApplicableException) {
            return new Unobserved("not applicable", Verdict.NOT_APPLICABLE, e.getMessage());
        }
        return new Unobserved(observedOtherwise, otherwise, e.getMessage() == null ? e.getClass().getName() : e.getMessage());
    }

    public CheckResult row(String scenario, String check, String expected) {
        return new CheckResult(scenario, check, expected, observed, verdict, evidence);
    }
}
