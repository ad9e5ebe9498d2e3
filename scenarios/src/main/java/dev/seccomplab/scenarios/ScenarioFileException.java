package dev.seccomplab.scenarios;

/**
 * A scenario file the lab cannot use. The message is one line: the file, the line, the field, what
 * is wrong and what is allowed, e.g. {@code my.yaml:12: expect[2].outcome: 'EPRM' is not …}.
 */
public final class ScenarioFileException extends IllegalArgumentException {

    public ScenarioFileException(String file, int line, String field, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + (field.isEmpty() ? "" : field + ": ") + problem.replace('\n', ' '));
    }
}
