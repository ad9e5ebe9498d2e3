package dev.seccomplab.scenarios;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.JacksonYAMLParseException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a lesson's YAML file (a scenario, a practice task) into its record, so that every problem,
 * Jackson's or the lab's own, is one line naming the file, the line, the field and what is allowed.
 */
public final class LessonYaml {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private LessonYaml() {
    }

    /** A file's record, with the lines of its values for the checks that follow the binding. */
    public record Read<T>(T spec, Problems problems) {
    }

    /**
     * @param whenEmpty what the file needs, said when it has nothing in it
     * @throws ScenarioFileException for YAML that is not valid, an unknown field or a value of the wrong type
     */
    public static <T> Read<T> read(String yaml, String source, Class<T> type, String whenEmpty) {
        if (yaml.isBlank()) {
            throw new ScenarioFileException(source, 0, "", "is empty; " + whenEmpty);
        }
        YamlLines lines = YamlLines.of(yaml);
        T spec;
        try {
            spec = YAML.readValue(yaml, type);
        } catch (UnrecognizedPropertyException e) {
            String field = path(e.getPath().subList(0, e.getPath().size() - 1));
            throw new ScenarioFileException(source, lines.lineOf(pointer(e.getPath())).orElse(line(e)), field,
                    "unknown field '" + e.getPropertyName() + "'; allowed here: "
                            + e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", ")));
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof JacksonYAMLParseException syntax) {
                throw notYaml(source, syntax);
            }
            throw new ScenarioFileException(source, lines.lineOf(pointer(e.getPath())).orElse(line(e)), path(e.getPath()),
                    e instanceof MismatchedInputException mismatch && mismatch.getTargetType() == String.class
                            ? "is not a text; quote it ('...') when it holds ': ' or starts with [, { or *"
                            : firstLine(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw notYaml(source, e);
        }
        if (spec == null) {
            throw new ScenarioFileException(source, 0, "", "is empty; " + whenEmpty);
        }
        return new Read<>(spec, new Problems(source, lines));
    }

    /** Raises the first problem found in a file, with its line. */
    public record Problems(String source, YamlLines lines) {

        public void require(boolean condition, String pointer, String field, String problem) {
            if (!condition) {
                throw fail(pointer, field, problem);
            }
        }

        public ScenarioFileException fail(String pointer, String field, String problem) {
            return new ScenarioFileException(source, lines.lineOf(pointer).orElse(0), field, problem);
        }
    }

    /** SnakeYAML knows where the problem is, and says it better than the context it was parsing. */
    private static ScenarioFileException notYaml(String source, JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            return new ScenarioFileException(source, marked.getProblemMark().getLine() + 1, "", "not valid YAML: " + marked.getProblem());
        }
        return new ScenarioFileException(source, line(e), "", "not valid YAML: " + firstLine(e.getOriginalMessage()));
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
    }

    private static int line(JsonProcessingException e) {
        return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    }

    private static String pointer(List<JsonMappingException.Reference> references) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            pointer.append('/').append(reference.getFieldName() != null
                    ? reference.getFieldName().replace("~", "~0").replace("/", "~1") : Integer.toString(reference.getIndex()));
        }
        return pointer.toString();
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
