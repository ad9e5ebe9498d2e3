package dev.seccomplab.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;

/**
 * One notebook run through the kernel's own evaluator, with a fresh cell JVM and {@code lab}, as a
 * freshly started kernel would run it: cell by cell, outputs written into the notebook as
 * Jupyter writes them. Cell tags, as nbclient reads them where it has them:
 * <ul>
 *   <li>{@code skip-execution}: the cell is not run;</li>
 *   <li>{@code raises-exception}: the cell must end in an error (a lesson showing a failure), and
 *       fails the run if it does not;</li>
 *   <li>{@code timeout=SECONDS}: the cell's own time limit.</li>
 * </ul>
 */
public final class NotebookExecution implements AutoCloseable {

    static final String SKIP = "skip-execution";
    static final String RAISES = "raises-exception";
    static final String TIMEOUT_PREFIX = "timeout=";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** How a cell ended. */
    public enum Status { PASSED, FAILED, SKIPPED }

    /**
     * @param index the cell's place among all cells of the notebook, from 0
     * @param title its first line of code, to name it in reports
     * @param problem why it failed; empty when it did not
     */
    public record CellResult(int index, String title, Status status, Duration time, String problem) {
    }

    private final Path notebook;
    private final ObjectNode document;
    private final JShellSession session;
    private final Duration defaultTimeout;
    private final CellExecution cells;
    private final List<CellResult> results = new ArrayList<>();
    private int executionCount;
    /** The first cell that failed: like Jupyter's "Run all", the run stops there. */
    private CellResult failure;

    NotebookExecution(Path notebook, JShellSession session, Duration defaultTimeout) {
        this.notebook = notebook;
        this.session = session;
        this.cells = new CellExecution(session);
        this.defaultTimeout = defaultTimeout;
        this.document = read(notebook);
        session.startInBackground();
    }

    /** A notebook's code cells and their titles, read without running anything: for test trees. */
    public record Outline(List<Integer> codeCells, List<String> titles) {
    }

    public static Outline outline(Path notebook) {
        ObjectNode document = read(notebook);
        List<Integer> cells = codeCells(document);
        return new Outline(cells, cells.stream().map(index -> title(document, index)).toList());
    }

    private static ObjectNode read(Path notebook) {
        ObjectNode document;
        try {
            document = (ObjectNode) JSON.readTree(Files.readString(notebook));
        } catch (IOException | ClassCastException e) {
            throw new IllegalArgumentException(notebook + " is not a notebook (nbformat 4 JSON): " + e.getMessage(), e);
        }
        if (document.path("nbformat").asInt() != 4 || !document.path("cells").isArray()) {
            throw new IllegalArgumentException(notebook + " is not an nbformat 4 notebook");
        }
        return document;
    }

    public Path notebook() {
        return notebook;
    }

    /** The indexes of the notebook's code cells, in order. */
    public List<Integer> codeCells() {
        return codeCells(document);
    }

    public String title(int index) {
        return title(document, index);
    }

    private static List<Integer> codeCells(JsonNode document) {
        List<Integer> indexes = new ArrayList<>();
        JsonNode cells = document.path("cells");
        for (int i = 0; i < cells.size(); i++) {
            if ("code".equals(cells.get(i).path("cell_type").asText())) {
                indexes.add(i);
            }
        }
        return indexes;
    }

    private static String title(JsonNode document, int index) {
        String source = source(document.path("cells").get(index));
        return "cell " + (index + 1) + ": " + source.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("(empty)");
    }

    /** Runs one code cell and writes its outputs into the notebook; after a failed cell, no cell runs. */
    public CellResult run(int index) {
        ObjectNode cell = cell(index);
        List<String> tags = tags(cell);
        ArrayNode outputs = cell.putArray("outputs");
        if (tags.contains(SKIP) || failure != null) {
            cell.putNull("execution_count");
            return record(new CellResult(index, title(index), Status.SKIPPED, Duration.ZERO,
                    failure == null ? "tagged " + SKIP : "not run: " + failure.title() + " failed, and a run stops there"));
        }
        int count = ++executionCount;
        cell.put("execution_count", count);
        long start = System.nanoTime();
        CellExecution.Outcome outcome = cells.run(source(cell), Optional.of(timeout(tags)), new NotebookOutputs(outputs, count));
        boolean raised = outcome.error().isPresent();
        String problem = outcome.error().map(error -> error.name() + ": " + error.getMessage()).orElse("");
        Duration time = Duration.ofNanos(System.nanoTime() - start);
        if (tags.contains(RAISES)) {
            return record(raised ? new CellResult(index, title(index), Status.PASSED, time, "")
                    : new CellResult(index, title(index), Status.FAILED, time, "tagged raises-exception, but ended without an error"));
        }
        return record(new CellResult(index, title(index), raised ? Status.FAILED : Status.PASSED, time, problem));
    }

    /** Runs every code cell in order, up to the first that fails. */
    public List<CellResult> runAll() {
        codeCells().forEach(this::run);
        return results();
    }

    public List<CellResult> results() {
        return List.copyOf(results);
    }

    /** Writes the notebook with its outputs, as {@code jupyter nbconvert --execute} would. */
    public void write(Path target) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.writeString(target, JSON.writeValueAsString(document) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
    }

    /** Removes the notebook's pods (lab.close(), as its kernel's end would) and stops its cell JVM. */
    @Override
    public void close() {
        try {
            session.routeTo(null);
            session.eval("lab.close();");
        } catch (CellException | RuntimeException cleanupFailed) {
            // The cell JVM's own exit still runs the lab's clean-up.
        } finally {
            session.close();
            cells.close();
        }
    }

    private CellResult record(CellResult result) {
        results.add(result);
        if (result.status() == Status.FAILED && failure == null) {
            failure = result;
        }
        return result;
    }

    private Duration timeout(List<String> tags) {
        return tags.stream().filter(tag -> tag.startsWith(TIMEOUT_PREFIX))
                .map(tag -> Duration.ofSeconds(Long.parseLong(tag.substring(TIMEOUT_PREFIX.length()).strip())))
                .findFirst().orElse(defaultTimeout);
    }

    private ObjectNode cell(int index) {
        return (ObjectNode) document.path("cells").get(index);
    }

    private static List<String> tags(JsonNode cell) {
        return StreamSupport.stream(cell.path("metadata").path("tags").spliterator(), false).map(JsonNode::asText).toList();
    }

    /** nbformat keeps a cell's source as one string or as a list of lines. */
    static String source(JsonNode cell) {
        JsonNode source = cell.path("source");
        if (source.isArray()) {
            StringBuilder text = new StringBuilder();
            source.forEach(line -> text.append(line.asText()));
            return text.toString();
        }
        return source.asText();
    }

    /** Outputs as nbformat 4 writes them: consecutive stream text merged, rich output as display_data. */
    private static final class NotebookOutputs implements CellExecution.Outputs {

        private final ArrayNode outputs;
        private final int count;

        NotebookOutputs(ArrayNode outputs, int count) {
            this.outputs = outputs;
            this.count = count;
        }

        @Override
        public synchronized void stream(PublishStream.StreamType type, String text) {
            String name = type == PublishStream.StreamType.ERR ? "stderr" : "stdout";
            JsonNode last = outputs.isEmpty() ? null : outputs.get(outputs.size() - 1);
            if (last != null && "stream".equals(last.path("output_type").asText()) && name.equals(last.path("name").asText())) {
                ((ObjectNode) last).put("text", last.path("text").asText() + text);
            } else {
                outputs.addObject().put("output_type", "stream").put("name", name).put("text", text);
            }
        }

        @Override
        public synchronized void display(Map<String, String> bundle) {
            ObjectNode output = outputs.addObject().put("output_type", "display_data");
            ObjectNode data = output.putObject("data");
            bundle.forEach(data::put);
            output.putObject("metadata");
        }

        @Override
        public synchronized void result(String value) {
            ObjectNode output = outputs.addObject().put("output_type", "execute_result").put("execution_count", count);
            output.putObject("data").put("text/plain", value);
            output.putObject("metadata");
        }

        @Override
        public synchronized void error(CellException error) {
            ObjectNode output = outputs.addObject().put("output_type", "error").put("ename", error.name()).put("evalue", error.getMessage());
            ArrayNode lines = output.putArray("traceback");
            error.traceback().forEach(lines::add);
        }
    }

}
