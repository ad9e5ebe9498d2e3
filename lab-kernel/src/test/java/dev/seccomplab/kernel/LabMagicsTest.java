package dev.seccomplab.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabMagicsTest {

    @TempDir
    Path dir;

    private final List<Path> added = new ArrayList<>();
    private final LabMagics magics = new LabMagics(added::add, MavenArtifacts.inUsersLocalRepository());

    @Test
    void lineMagicsBecomeCallsOnTheLabObject() throws Exception {
        assertThat(magics.toJava("%env docker")).isEqualTo("{ lab.use(\"docker\"); }");
        assertThat(magics.toJava("%env")).isEqualTo("{ lab.environment(); }");
        assertThat(magics.toJava("%scenario runtime-default")).isEqualTo("{ lab.run(\"runtime-default\"); }");
        assertThat(magics.toJava("%expect unconfined")).isEqualTo("{ lab.expect(\"unconfined\"); }");
        assertThat(magics.toJava("%profile profile-inspection keyctl")).isEqualTo("{ lab.allows(\"profile-inspection\", \"keyctl\"); }");
        assertThat(magics.toJava("%pods")).isEqualTo("{ lab.pods(); }");
    }

    @Test
    void argumentsAreQuotedTheUsualWay() throws Exception {
        assertThat(magics.toJava("%expect \"my scenario\"")).isEqualTo("{ lab.expect(\"my scenario\"); }");
        assertThat(magics.toJava("  %expect   unconfined  ")).isEqualTo("{ lab.expect(\"unconfined\"); }");
    }

    @Test
    void javaLinesAroundMagicsStayAsTheyAreLineForLine() throws Exception {
        assertThat(magics.toJava("int x = 1;\n%pods\nx + 1")).isEqualTo("int x = 1;\n{ lab.pods(); }\nx + 1");
        assertThat(magics.toJava("x % 2")).isEqualTo("x % 2");
        assertThat(magics.toJava("int y = 7\n    % 2;")).isEqualTo("int y = 7\n    % 2;");
    }

    @Test
    void theManifestCellMagicAppliesTheRestOfTheCell() throws Exception {
        assertThat(magics.toJava("%%manifest\nkind: Deployment\nmetadata: {name: \"a\\b\"}\n"))
                .isEqualTo("{ lab.applyYaml(\"kind: Deployment\\nmetadata: {name: \\\"a\\\\b\\\"}\\n\"); }");
        assertThatThrownBy(() -> magics.toJava("%%manifest")).isInstanceOf(CellException.class)
                .hasMessage("%%manifest must be the cell's first line, with its body on the lines below it");
    }

    @Test
    void classPathMagicsActWhenTheCellIsReadAndLeaveAnEmptyLine() throws Exception {
        Path jar = Files.createFile(dir.resolve("extra.jar"));
        assertThat(magics.toJava("%classpath " + jar + "\nint z = 1;")).isEqualTo("\nint z = 1;");
        assertThat(added).containsExactly(jar);
        assertThatThrownBy(() -> magics.toJava("%classpath " + dir.resolve("no-such.jar")))
                .hasMessageContaining("%classpath: " + dir.resolve("no-such.jar") + ": no such file or directory");
        assertThatThrownBy(() -> magics.toJava("%jars")).hasMessage("%jars: needs at least one path");
    }

    @Test
    void lsmagicListsEveryRegisteredMagic() throws Exception {
        String java = magics.toJava("%lsmagic");
        assertThat(java).startsWith("{ System.out.print(").contains("Available line magics:\\n%classpath  %env  %expect  %jars  %lsmagic  %maven  %pods  %profile  %scenario  %scenarios")
                .contains("Available cell magics:\\n%%manifest");
    }

    @Test
    void percentCompletesMagicNamesAtTheStartOfALine() {
        ReplacementOptions options = magics.complete("int a = 1;\n%sc", 14).orElseThrow();
        assertThat(options.getReplacements()).containsExactly("%scenario", "%scenarios");
        assertThat(options.getSourceStart()).isEqualTo(11);
        assertThat(options.getSourceEnd()).isEqualTo(14);
        assertThat(magics.complete("%%ma", 4).orElseThrow().getReplacements()).containsExactly("%%manifest");
        assertThat(magics.complete("%", 1).orElseThrow().getReplacements()).contains("%env", "%lsmagic", "%maven");
        assertThat(magics.complete("x % 2", 5)).isEmpty();
        assertThat(magics.complete("System.out.pri", 14)).isEmpty();
    }

    @Test
    void unknownMagicsAndWrongArgumentsAreErrorsThatSayWhatExists() {
        assertThatThrownBy(() -> magics.toJava("%time 1+1")).isInstanceOf(CellException.class)
                .hasMessageContaining("%time is not a lab magic; the magics are %classpath, %env, ")
                .hasMessageEndingWith("%scenarios and %%manifest");
        assertThatThrownBy(() -> magics.toJava("%expect")).hasMessage("%expect takes 1 argument, got 0");
        assertThatThrownBy(() -> magics.toJava("%env a b")).hasMessage("%env takes 0 or 1 arguments, got 2");
        assertThatThrownBy(() -> magics.toJava("%%bash\nls")).hasMessageContaining("%%bash is not a lab magic");
    }
}
