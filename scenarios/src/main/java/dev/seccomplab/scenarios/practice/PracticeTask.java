package dev.seccomplab.scenarios.practice;

import java.util.List;

/**
 * One graded exercise in the style of the CKS exam: files to start from, a goal stated in a few
 * lines, hints given one at a time, and a grading that looks at the running processes.
 *
 * @param name used on the command line and as the directory of the trainee's files
 * @param title one line, for lists
 * @param goal two or three lines, as an exam would put it
 * @param startingFiles paths of the trainee's files, relative to the task's directory; their
 *     contents ship in the scenarios jar under {@code practice/<name>/start/}
 */
public record PracticeTask(String name, String title, String goal, List<String> hints, List<String> startingFiles,
                           Grading grading) {

    public PracticeTask {
        hints = List.copyOf(hints);
        startingFiles = List.copyOf(startingFiles);
    }

    /** Where a starting file's content is kept in the jar. */
    String startingResource(String file) {
        return "practice/" + name + "/start/" + file;
    }
}
