package dev.seccomplab.scenarios;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text from a pod made safe for every reader of a result: a terminal, a notebook, JUnit's XML
 * (which XML 1.0 parsers reject with a control character in it), JSON and HTML. A command may
 * print anything, so control characters become visible escapes ({@code \x1b}, {@code \x00}),
 * and text beyond a limit is cut with a note saying how much was left out.
 */
public final class PrintableText {

    /** Enough for any output a lesson judges by, and small enough for a report with hundreds of rows. */
    public static final int EVIDENCE_LIMIT = 16_000;
    public static final int FIELD_LIMIT = 2_000;
    private static final Pattern CUT_NOTE = Pattern.compile("\n… \\(\\d+ more characters left out\\)$");
    /** An escape of a character above 0xff, backslash, u and four hex digits: the longest this class writes. */
    private static final int LONGEST_ESCAPE = 6;

    private PrintableText() {
    }

    public static String of(String text, int limit) {
        if (text == null) {
            return "";
        }
        if (alreadyPrintable(text, limit)) {
            return text;
        }
        StringBuilder printable = new StringBuilder(Math.min(text.length(), limit) + 64);
        int i = 0;
        while (i < text.length() && printable.length() < limit) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            if (shownAsIs(codePoint)) {
                printable.appendCodePoint(codePoint);
            } else {
                printable.append(codePoint < 0x100 ? String.format("\\x%02x", codePoint) : String.format("\\u%04x", codePoint));
            }
        }
        if (i < text.length()) {
            printable.append("\n… (").append(text.length() - i).append(" more characters left out)");
        }
        return printable.toString();
    }

    /**
     * Text this class made already, or that needs nothing: a row copied into another (a practice
     * task's rows are its checks' rows, renamed) keeps its one note of what was cut, not a second.
     * The body of a cut text is at most {@code limit} characters plus one escape's overshoot.
     */
    private static boolean alreadyPrintable(String text, int limit) {
        Matcher note = CUT_NOTE.matcher(text);
        boolean wasCut = note.find();
        int body = wasCut ? note.start() : text.length();
        int longestBody = wasCut ? limit + LONGEST_ESCAPE - 1 : limit;
        return body <= longestBody && text.codePoints().allMatch(PrintableText::shownAsIs);
    }

    /** Lines and tabs stay; C0 and C1 controls, DEL, lone surrogates and XML's non-characters do not. */
    private static boolean shownAsIs(int codePoint) {
        if (codePoint == '\n' || codePoint == '\t') {
            return true;
        }
        if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint <= 0x9f)) {
            return false;
        }
        return !Character.isSurrogate((char) codePoint) && codePoint != 0xfffe && codePoint != 0xffff;
    }
}
