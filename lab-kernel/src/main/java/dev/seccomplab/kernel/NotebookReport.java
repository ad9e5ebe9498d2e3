package dev.seccomplab.kernel;

import dev.seccomplab.kernel.NotebookExecution.CellResult;
import dev.seccomplab.kernel.NotebookExecution.Status;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A class's notebooks run as a suite: JUnit XML with a testsuite per notebook and a testcase per
 * code cell, for CI servers, and one self-contained HTML page for the instructor.
 */
public final class NotebookReport {

    public static final String JUNIT_XML = "junit.xml";
    public static final String HTML = "report.html";

    /** One notebook's run: its name, where its executed copy was written, and each code cell's result. */
    public record Notebook(String name, Path executed, List<CellResult> cells) {

        public long failed() {
            return cells.stream().filter(c -> c.status() == Status.FAILED).count();
        }
    }

    private NotebookReport() {
    }

    public static List<Path> write(List<Notebook> notebooks, String environment, Path directory) {
        try {
            Files.createDirectories(directory);
            writeJunit(notebooks, environment, directory.resolve(JUNIT_XML));
            Files.writeString(directory.resolve(HTML), html(notebooks, environment, directory));
            return List.of(directory.resolve(HTML), directory.resolve(JUNIT_XML));
        } catch (IOException | XMLStreamException e) {
            throw new UncheckedIOException(new IOException("Cannot write the notebook report into " + directory + ": " + e.getMessage(), e));
        }
    }

    private static void writeJunit(List<Notebook> notebooks, String environment, Path file) throws IOException, XMLStreamException {
        try (OutputStream out = Files.newOutputStream(file)) {
            XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "seccomp-lab notebooks on " + environment);
            for (Notebook notebook : notebooks) {
                xml.writeStartElement("testsuite");
                xml.writeAttribute("name", notebook.name());
                xml.writeAttribute("tests", String.valueOf(notebook.cells().size()));
                xml.writeAttribute("failures", String.valueOf(notebook.failed()));
                xml.writeAttribute("skipped", String.valueOf(notebook.cells().stream().filter(c -> c.status() == Status.SKIPPED).count()));
                xml.writeAttribute("time", seconds(notebook.cells().stream().map(CellResult::time).reduce(Duration.ZERO, Duration::plus)));
                for (CellResult cell : notebook.cells()) {
                    xml.writeStartElement("testcase");
                    xml.writeAttribute("classname", "notebooks." + notebook.name());
                    xml.writeAttribute("name", cell.title());
                    xml.writeAttribute("time", seconds(cell.time()));
                    if (cell.status() != Status.PASSED) {
                        xml.writeStartElement(cell.status() == Status.FAILED ? "failure" : "skipped");
                        xml.writeAttribute("message", cell.problem());
                        xml.writeEndElement();
                    }
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        }
    }

    private static String html(List<Notebook> notebooks, String environment, Path directory) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Seccomp Lab "
                + "notebooks</title><style>body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1f24}"
                + "table{border-collapse:collapse}td,th{border:1px solid #d0d7de;padding:.3rem .6rem;text-align:left;vertical-align:top}"
                + "tr.PASSED td{background:#dafbe1}tr.FAILED td{background:#ffebe9}tr.SKIPPED td{background:#eaeef2}"
                + "</style></head><body>\n<h1>Seccomp Lab notebooks</h1>\n<p>Environment: <b>" + escape(environment) + "</b>. ");
        long failed = notebooks.stream().mapToLong(Notebook::failed).sum();
        html.append(notebooks.size()).append(" notebooks, ").append(failed == 0 ? "every cell as expected" : failed + " cells failed")
                .append(".</p>\n");
        for (Notebook notebook : notebooks) {
            html.append("<h2>").append(escape(notebook.name())).append("</h2>\n<p>Executed copy: <code>")
                    .append(escape(directory.toAbsolutePath().relativize(notebook.executed().toAbsolutePath()).toString()))
                    .append("</code></p>\n<table><thead><tr><th>cell</th><th>result</th><th>time</th><th>why</th></tr></thead><tbody>\n");
            for (CellResult cell : notebook.cells()) {
                html.append("<tr class=\"").append(cell.status()).append("\"><td><code>").append(escape(cell.title()))
                        .append("</code></td><td>").append(cell.status().name().toLowerCase(Locale.ROOT)).append("</td><td>")
                        .append(seconds(cell.time())).append(" s</td><td>").append(escape(cell.problem())).append("</td></tr>\n");
            }
            html.append("</tbody></table>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    private static String seconds(Duration time) {
        return String.format(Locale.ROOT, "%.3f", time.toMillis() / 1000.0);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
