package dev.seccomplab.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MagicsTest {

    @Test
    void lineMagicsBecomeCallsOnTheLabObject() throws Exception {
        assertThat(Magics.toJava("%env docker")).isEqualTo("{ lab.use(\"docker\"); }");
        assertThat(Magics.toJava("%scenario runtime-default")).isEqualTo("{ lab.run(\"runtime-default\"); }");
        assertThat(Magics.toJava("%expect unconfined")).isEqualTo("{ lab.expect(\"unconfined\"); }");
        assertThat(Magics.toJava("%profile profile-inspection keyctl")).isEqualTo("{ lab.allows(\"profile-inspection\", \"keyctl\"); }");
        assertThat(Magics.toJava("%pods")).isEqualTo("{ lab.pods(); }");
    }

    @Test
    void javaLinesAroundMagicsStayAsTheyAre() throws Exception {
        assertThat(Magics.toJava("int x = 1;\n%pods\nx + 1")).isEqualTo("int x = 1;\n{ lab.pods(); }\nx + 1");
        assertThat(Magics.toJava("x % 2")).isEqualTo("x % 2");
    }

    @Test
    void theManifestCellMagicAppliesTheRestOfTheCell() throws Exception {
        assertThat(Magics.toJava("%%manifest\nkind: Deployment\nmetadata: {name: \"a\\b\"}\n"))
                .isEqualTo("{ lab.applyYaml(\"kind: Deployment\\nmetadata: {name: \\\"a\\\\b\\\"}\\n\"); }");
    }

    @Test
    void unknownMagicsAndWrongArgumentsAreErrorsThatSayWhatExists() {
        assertThatThrownBy(() -> Magics.toJava("%time 1+1")).isInstanceOf(CellException.class)
                .hasMessageContaining("%time is not a lab magic").hasMessageContaining("%scenario");
        assertThatThrownBy(() -> Magics.toJava("%expect")).hasMessage("%expect takes 1 argument, got 0");
        assertThatThrownBy(() -> Magics.toJava("%%bash\nls")).hasMessageContaining("%%bash is not a lab magic");
    }
}
