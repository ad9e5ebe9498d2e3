package dev.seccomplab.scenarios;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A set of lesson files (scenarios, practice tasks) in which each name is used once, since commands pick them by name. */
public final class UniqueNames {

    private UniqueNames() {
    }

    /**
     * @param kind the files' kind in words, e.g. "scenario"
     * @throws ScenarioFileException naming the second file that uses a name, and the first
     */
    public static <T> List<T> require(List<T> items, Function<T, String> name, Function<T, String> source, String kind) {
        Map<String, String> seen = new LinkedHashMap<>();
        for (T item : items) {
            String earlier = seen.putIfAbsent(name.apply(item), source.apply(item));
            if (earlier != null) {
                throw new ScenarioFileException(source.apply(item), 0, "name", "'" + name.apply(item) + "' is already the name of the "
                        + kind + " in " + earlier + "; names must differ");
            }
        }
        return List.copyOf(items);
    }
}
