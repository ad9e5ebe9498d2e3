package dev.seccomplab.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seccomplab.scenarios.CheckResult;
import dev.seccomplab.scenarios.PrintableText;
import dev.seccomplab.scenarios.ScenarioResult;
import dev.seccomplab.scenarios.SuiteResult;
import dev.seccomplab.scenarios.Verdict;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class ReportWriterTest {

    @TempDir
    Path directory;

    @Test
    void jsonKeepsEveryCheckWithItsEvidence() throws Exception {
        ReportWriter.write(SampleSuites.withEveryVerdict(), directory);
        JsonNode json = new ObjectMapper().readTree(directory.resolve(ReportWriter.JSON).toFile());
        assertThat(json.path("environment").asText()).isEqualTo("docker");
        assertThat(json.path("allPassed").asBoolean()).isFalse();
        assertThat(json.path("counts").path("HOST_LIMIT").asInt()).isEqualTo(1);
        JsonNode firstCheck = json.path("scenarios").get(0).path("checks").get(0);
        assertThat(firstCheck.path("verdict").asText()).isEqualTo("PASS");
        assertThat(firstCheck.path("evidence").asText()).contains("Seccomp_filters");
    }

    @Test
    void junitXmlMapsVerdictsToFailuresErrorsAndSkips() throws Exception {
        ReportWriter.write(SampleSuites.withEveryVerdict(), directory);
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(directory.resolve(ReportWriter.JUNIT_XML).toFile());
        assertThat(xml.getElementsByTagName("testsuite").getLength()).isEqualTo(4);
        assertThat(xml.getElementsByTagName("testcase").getLength()).isEqualTo(5);
        assertThat(xml.getElementsByTagName("failure").getLength()).isEqualTo(1);
        assertThat(xml.getElementsByTagName("error").getLength()).isEqualTo(1);
        assertThat(xml.getElementsByTagName("skipped").getLength()).isEqualTo(2);
        Element failure = (Element) xml.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message"))
                .isEqualTo("expected keyctl show fails: Operation not permitted; observed keyctl show succeeds (lists the session keyring)");
    }

    @Test
    void htmlIsSelfContainedAndEscapesEvidence() throws Exception {
        ReportWriter.write(SampleSuites.withEveryVerdict(), directory);
        String html = Files.readString(directory.resolve(ReportWriter.HTML));
        assertThat(html).startsWith("<!DOCTYPE html>")
                .contains("Session Keyring &lt;_ses&gt; &amp; co", "HOST LIMIT", "runtime-default")
                .doesNotContain("<script", "src=", "href=");
    }

    @Test
    void consoleTableShowsEveryCheckAndExplainsWhatWasNotJudged() {
        StringWriter text = new StringWriter();
        ConsoleReport.print(SampleSuites.withEveryVerdict(), new PrintWriter(text, true));
        assertThat(text.toString())
                .contains("SCENARIO", "OBSERVED", "VERDICT", "HOST LIMIT", "NOT APPLICABLE")
                .contains("Not judged as pass or fail, and why:", "lacks cap_sys_resource")
                .contains("1 passed, 1 failed, 1 host limit, 1 not applicable, 1 errors; wall time 2.5 s");
    }

    /** Whatever a pod printed, each report stays valid for its reader, and long output is cut with a note. */
    @Test
    void binaryEvidenceKeepsXmlJsonAndHtmlValidAndTheConsoleFreeOfControlCharacters() throws Exception {
        byte[] bytes = new byte[70_000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        String binary = "\u001b[31m" + new String(bytes, java.nio.charset.StandardCharsets.UTF_8) + "\u0000\uffff\ud800";
        SuiteResult suite = new SuiteResult("cri", "test", java.time.Instant.now(), java.time.Duration.ofSeconds(1), java.util.List.of(
                new ScenarioResult("binary", "binary output", java.util.List.of(new CheckResult("binary", "cat /bin/busybox", "EPERM",
                        binary, Verdict.FAIL, binary)), java.time.Duration.ofSeconds(1))));
        ReportWriter.write(suite, directory);

        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(directory.resolve(ReportWriter.JUNIT_XML).toFile());
        assertThat(xml.getElementsByTagName("failure").item(0).getTextContent()).startsWith("\\x1b[31m\\x00\\x01\\x02")
                .contains("more characters left out");
        JsonNode json = new ObjectMapper().readTree(directory.resolve(ReportWriter.JSON).toFile());
        assertThat(json.path("scenarios").get(0).path("checks").get(0).path("evidence").asText())
                .hasSizeLessThan(PrintableText.EVIDENCE_LIMIT + 100).doesNotContainPattern("[\\x00-\\x08\\x0b-\\x1f]");
        assertThat(Files.readString(directory.resolve(ReportWriter.HTML))).contains("\\x1b[31m").doesNotContain("\u001b", "\u0000");
        StringWriter text = new StringWriter();
        ConsoleReport.print(suite, new PrintWriter(text, true));
        assertThat(text.toString()).doesNotContainPattern("[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f]");
    }

    @Test
    void wrapsAtSpacesAndCutsWordsLongerThanTheWidth() {
        assertThat(TextWrap.wrap("keyctl show fails: Operation not permitted", 20))
                .containsExactly("keyctl show fails:", "Operation not", "permitted");
        assertThat(TextWrap.wrap("abcdefghij", 4)).containsExactly("abcd", "efgh", "ij");
    }

    @Test
    void aLongProgressLineIsWrappedAtSpacesUnderItsStamp() {
        StringWriter text = new StringWriter();
        String reason = "auto: cri (not kind: Docker cannot run privileged containers here; not local: no Kubernetes binaries built yet)";
        new ElapsedProgress(new PrintWriter(text, true)).step("environment cri: " + reason);
        java.util.List<String> lines = text.toString().lines().toList();
        assertThat(lines).hasSize(2).allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(ElapsedProgress.WIDTH));
        assertThat(lines.get(0)).matches("\\[ +\\d+\\.\\d s\\] environment cri: auto: cri .*[a-z]");
        assertThat(lines.get(1)).startsWith("           ").doesNotStartWith("            ");
        assertThat(String.join(" ", lines).replaceAll(" +", " ")).endsWith(reason.replaceAll(" +", " "));
    }
}
