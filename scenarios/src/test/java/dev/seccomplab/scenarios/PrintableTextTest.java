package dev.seccomplab.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintableTextTest {

    @Test
    void controlCharactersBecomeVisibleEscapesAndLinesAndTabsStay() {
        assertThat(PrintableText.of("a\u001b[2J\u0000\tb\nc\uffff\ud800", 100)).isEqualTo("a\\x1b[2J\\x00\tb\nc\\uffff\\ud800");
    }

    @Test
    void longTextIsCutOnceWithANoteSayingHowMuchWasLeftOut() {
        String cut = PrintableText.of("x".repeat(150), 100);
        assertThat(cut).isEqualTo("x".repeat(100) + "\n… (50 more characters left out)");
        assertThat(PrintableText.of(cut, 100)).as("a row copied into another keeps its one note").isEqualTo(cut);
    }

    /** Escapes may carry the body a few characters past the limit; copying the row again changes nothing. */
    @Test
    void aCutTextWhoseLastEscapeOvershootsTheLimitIsStableToo() {
        String cut = PrintableText.of("x".repeat(99) + "\u0000".repeat(10), 100);
        assertThat(cut).startsWith("x".repeat(99) + "\\x00").endsWith("\n… (9 more characters left out)");
        assertThat(PrintableText.of(cut, 100)).isEqualTo(cut);
    }

    @Test
    void aPracticeRowMadeFromACheckRowWithLongEvidenceHasOneNote() {
        CheckResult check = new CheckResult("t", "cat big", "success", "succeeds", Verdict.PASS, "y".repeat(PrintableText.EVIDENCE_LIMIT + 10));
        CheckResult renamed = new CheckResult("task", "web: " + check.check(), check.expected(), check.observed(), check.verdict(),
                check.evidence());
        assertThat(renamed.evidence()).isEqualTo(check.evidence()).endsWith("\n… (10 more characters left out)");
    }
}
