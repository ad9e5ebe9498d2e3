package dev.seccomplab.scenarios;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/** Where each value of a YAML document starts, by JSON pointer ({@code /expect/2/outcome}), for error messages. */
public final class YamlLines {

    private final Map<String, Integer> lines;

    private YamlLines(Map<String, Integer> lines) {
        this.lines = lines;
    }

    /** Never fails: a document Jackson cannot read has no lines, and its own error carries one. */
    static YamlLines of(String yaml) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = new YAMLFactory().createParser(yaml)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token != JsonToken.FIELD_NAME && token != JsonToken.END_OBJECT && token != JsonToken.END_ARRAY) {
                    lines.putIfAbsent(parser.getParsingContext().pathAsPointer().toString(),
                            parser.currentTokenLocation().getLineNr());
                }
            }
        } catch (IOException unreadable) {
            // Reported by the binding, with its own line.
        }
        return new YamlLines(lines);
    }

    /** The line of the value at the pointer, or of the nearest enclosing value that has one. */
    public OptionalInt lineOf(String pointer) {
        for (String p = pointer; ; p = p.substring(0, p.lastIndexOf('/'))) {
            Integer line = lines.get(p);
            if (line != null) {
                return OptionalInt.of(line);
            }
            if (p.isEmpty()) {
                return OptionalInt.empty();
            }
        }
    }
}
