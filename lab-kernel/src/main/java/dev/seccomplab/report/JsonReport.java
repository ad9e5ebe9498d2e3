package dev.seccomplab.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.seccomplab.scenarios.CheckResult;
import dev.seccomplab.scenarios.ScenarioResult;
import dev.seccomplab.scenarios.SuiteResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The run as JSON, for tools: every check with expected, observed, verdict and evidence. */
final class JsonReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    static void write(SuiteResult suite, Path file) throws IOException {
        JSON.writeValue(file.toFile(), tree(suite));
    }

    static Map<String, Object> tree(SuiteResult suite) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("environment", suite.environment());
        root.put("environmentDescription", suite.environmentDescription());
        root.put("started", suite.started().toString());
        root.put("wallTimeMillis", suite.wallTime().toMillis());
        root.put("allPassed", suite.allPassed());
        root.put("outcome", suite.outcome().name());
        Map<String, Long> counts = new LinkedHashMap<>();
        suite.countByVerdict().forEach((verdict, count) -> counts.put(verdict.name(), count));
        root.put("counts", counts);
        root.put("scenarios", suite.scenarios().stream().map(JsonReport::scenario).toList());
        return root;
    }

    private static Map<String, Object> scenario(ScenarioResult scenario) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("name", scenario.scenario());
        node.put("lesson", scenario.title());
        node.put("outcome", scenario.outcome().name());
        node.put("durationMillis", scenario.duration().toMillis());
        List<Map<String, Object>> checks = scenario.checks().stream().map(JsonReport::check).toList();
        node.put("checks", checks);
        return node;
    }

    private static Map<String, Object> check(CheckResult check) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("check", check.check());
        node.put("expected", check.expected());
        node.put("observed", check.observed());
        node.put("verdict", check.verdict().name());
        node.put("evidence", check.evidence());
        return node;
    }
}
