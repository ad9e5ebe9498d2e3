package dev.seccomplab.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lessons as files. nbformat 4.5 gives every cell an id; a cell without one makes Jupyter
 * invent it on each open (and nbformat warn), so a saved lesson's diff is noise.
 */
class CourseNotebooksFormatTest {

    static List<Path> lessons() throws Exception {
        return CourseNotebooksIT.courseNotebooks();
    }

    @ParameterizedTest
    @MethodSource("lessons")
    void everyCellHasItsOwnId(Path lesson) throws Exception {
        JsonNode notebook = new ObjectMapper().readTree(lesson.toFile());
        assertThat(notebook.path("nbformat").asInt() * 100 + notebook.path("nbformat_minor").asInt()).as("nbformat").isGreaterThanOrEqualTo(405);
        List<String> ids = new ArrayList<>();
        notebook.path("cells").forEach(cell -> ids.add(cell.path("id").asText("")));
        assertThat(ids).as(lesson + ": cell ids").isNotEmpty().allMatch(id -> id.matches("[A-Za-z0-9_-]{1,64}")).doesNotHaveDuplicates();
    }
}
