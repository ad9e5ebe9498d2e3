package dev.seccomplab.scenarios.checks;

import dev.seccomplab.environments.KubeletSettings;
import dev.seccomplab.scenarios.CheckResult;
import dev.seccomplab.scenarios.Verdict;

/** The kubelet's {@code seccompDefault} (CIS 4.2.14) as the node reports it, not as it was written. */
public record NodeSeccompDefaultCheck(boolean expectedValue) implements Check {

    @Override
    public String name() {
        return "kubelet seccompDefault";
    }

    @Override
    public String expected() {
        return "seccompDefault: " + expectedValue;
    }

    @Override
    public CheckResult evaluate(CheckContext context) {
        KubeletSettings settings = context.environment().readKubeletSettings();
        Verdict verdict = settings.seccompDefault() == expectedValue ? Verdict.PASS : Verdict.FAIL;
        return context.result(this, "seccompDefault: " + settings.seccompDefault(), verdict, "read from " + settings.source());
    }
}
