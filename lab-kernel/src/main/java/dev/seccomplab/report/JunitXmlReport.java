package dev.seccomplab.report;

import dev.seccomplab.scenarios.CheckResult;
import dev.seccomplab.scenarios.ScenarioResult;
import dev.seccomplab.scenarios.SuiteResult;
import dev.seccomplab.scenarios.Verdict;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The run in JUnit's XML format, so that CI servers show it: a testsuite per scenario, a testcase
 * per check. Host limits and not-applicable checks are "skipped", with their cause as message.
 */
final class JunitXmlReport {

    private JunitXmlReport() {
    }

    static void write(SuiteResult suite, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "seccomp-lab on " + suite.environment());
            xml.writeAttribute("time", seconds(suite.wallTime().toMillis()));
            for (ScenarioResult scenario : suite.scenarios()) {
                writeScenario(xml, suite.environment(), scenario);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void writeScenario(XMLStreamWriter xml, String environment, ScenarioResult scenario) throws XMLStreamException {
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", scenario.scenario());
        xml.writeAttribute("tests", String.valueOf(scenario.checks().size()));
        xml.writeAttribute("failures", count(scenario, Verdict.FAIL));
        xml.writeAttribute("errors", count(scenario, Verdict.ERROR));
        xml.writeAttribute("skipped", String.valueOf(scenario.checks().stream()
                .filter(c -> c.verdict() == Verdict.HOST_LIMIT || c.verdict() == Verdict.NOT_APPLICABLE).count()));
        xml.writeAttribute("time", seconds(scenario.duration().toMillis()));
        for (CheckResult check : scenario.checks()) {
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", "seccomp-lab." + environment + "." + scenario.scenario());
            xml.writeAttribute("name", check.check());
            String message = "expected " + check.expected() + "; observed " + check.observed();
            switch (check.verdict()) {
                case FAIL -> writeOutcome(xml, "failure", message, check.evidence());
                case ERROR -> writeOutcome(xml, "error", message, check.evidence());
                case HOST_LIMIT, NOT_APPLICABLE -> writeOutcome(xml, "skipped", check.verdict().name() + ": " + check.evidence(), null);
                case PASS -> { }
            }
            xml.writeStartElement("system-out");
            xml.writeCharacters(message + "\n\n" + check.evidence());
            xml.writeEndElement();
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static void writeOutcome(XMLStreamWriter xml, String element, String message, String body) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeAttribute("message", message);
        if (body != null) {
            xml.writeCharacters(body);
        }
        xml.writeEndElement();
    }

    private static String count(ScenarioResult scenario, Verdict verdict) {
        return String.valueOf(scenario.checks().stream().filter(c -> c.verdict() == verdict).count());
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }
}
