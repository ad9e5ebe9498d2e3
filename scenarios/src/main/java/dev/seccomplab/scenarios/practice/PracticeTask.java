package dev.seccomplab.scenarios.practice;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One graded exercise in the style of the CKS exam, as its {@code task.yaml} describes it: files to
 * start from, a goal stated in a few lines, hints given one at a time, and a grading that looks at
 * the running processes.
 *
 * @param name used on the command line and as the directory of the trainee's files
 * @param title one line, for lists
 * @param goal two or three lines, as an exam would put it
 * @param startingFiles the trainee's files as the task starts, by path relative to the task's directory
 * @param source the task's file, as messages name it
 */
public record PracticeTask(String name, String title, String goal, List<String> hints, Map<String, String> startingFiles,
                           Grading grading, String source) {

    public PracticeTask {
        hints = List.copyOf(hints);
        startingFiles = Collections.unmodifiableMap(new LinkedHashMap<>(startingFiles));
    }
}
