package dev.seccomplab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seccomplab.kernel.NotebookExecution.CellResult;
import dev.seccomplab.kernel.NotebookExecution.Status;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** %jars, %classpath and %maven as a cell uses them: the classes they add compile and run in the next cells. */
class ClasspathMagicsIT {

    @TempDir
    Path dir;

    @Test
    void jarsAndMavenArtifactsBecomeUsableAndAMissingPathIsNamed() throws Exception {
        Path jar = greetingJar();
        Path notebook = dir.resolve("classpath.ipynb");
        List<String> cells = List.of(
                "%jars " + jar.getParent() + "/*.jar",
                "new greeting.Hello().say()",
                "%classpath " + dir.resolve("no-such.jar"),
                "%maven junit:junit:4.13.2",
                "org.hamcrest.CoreMatchers.is(1).toString()");
        new ObjectMapper().writeValue(notebook.toFile(), Map.of("nbformat", 4, "nbformat_minor", 5, "metadata", Map.of(),
                "cells", cells.stream().map(source -> Map.of("cell_type", "code", "metadata", Map.of("tags", tags(source)),
                        "source", source, "outputs", List.of())).toList()));

        List<CellResult> results;
        try (NotebookExecution run = new NotebookRunner("auto", Duration.ofMinutes(5)).open(notebook)) {
            results = run.runAll();
            run.write(dir.resolve("executed.ipynb"));
        }
        assertThat(results).extracting(CellResult::status)
                .as(results.toString()).containsExactly(Status.PASSED, Status.PASSED, Status.PASSED, Status.PASSED, Status.PASSED);
        String executed = Files.readString(dir.resolve("executed.ipynb"));
        assertThat(executed).contains("\\\"hello from a jar\\\"", "no-such.jar: no such file or directory", "is <1>");
    }

    private static List<String> tags(String source) {
        return source.startsWith("%classpath") ? List.of("raises-exception") : List.of();
    }

    /** A jar no class path of the lab holds: one class, compiled here. */
    private Path greetingJar() throws Exception {
        Path sources = Files.createDirectories(dir.resolve("src/greeting"));
        Path source = Files.writeString(sources.resolve("Hello.java"),
                "package greeting; public class Hello { public String say() { return \"hello from a jar\"; } }");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), source.toString())).isZero();
        Path jar = Files.createDirectories(dir.resolve("jars")).resolve("greeting.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry("greeting/Hello.class"));
            out.write(Files.readAllBytes(classes.resolve("greeting/Hello.class")));
            out.closeEntry();
        }
        return jar;
    }
}
