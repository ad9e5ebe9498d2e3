package dev.seccomplab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;
import org.junit.jupiter.api.Test;

class CellOutputTest {

    private final List<String> sent = new ArrayList<>();
    private final CellOutput output = new CellOutput(new CellOutput.Publisher() {
        @Override
        public void stream(PublishStream.StreamType type, String text) {
            sent.add(type + ":" + text);
        }

        @Override
        public void display(Map<String, String> bundle) {
            sent.add("display:" + bundle.get("text/html"));
        }
    });

    @Test
    void tenThousandLinesLeaveInOneMessageAndNoneIsLost() {
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            String line = "line " + i + "\n";
            expected.append(line);
            out(line);
        }
        output.finish();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0)).isEqualTo("OUT:" + expected);
    }

    @Test
    void aDisplayShowsAfterTheTextPrintedBeforeIt() {
        out("before\n");
        output.display(Map.of("text/html", "<b>x</b>"));
        out("after\n");
        output.finish();
        assertThat(sent).containsExactly("OUT:before\n", "display:<b>x</b>", "OUT:after\n");
    }

    @Test
    void anUnfinishedOrdinaryLineIsNotHeldBack() {
        out("progress 50%");
        output.flush();
        assertThat(sent).containsExactly("OUT:progress 50%");
    }

    @Test
    void aCharacterSplitBetweenWritesArrivesWhole() {
        byte[] bytes = "Seccomp ✓\n".getBytes(StandardCharsets.UTF_8);
        output.writeOut(bytes, 0, bytes.length - 2);
        output.flush();
        output.writeOut(bytes, bytes.length - 2, 2);
        output.finish();
        assertThat(String.join("", sent)).isEqualTo("OUT:Seccomp OUT:✓\n");
    }

    @Test
    void stderrIsKeptApart() {
        byte[] err = "oops\n".getBytes(StandardCharsets.UTF_8);
        output.writeErr(err, 0, err.length);
        output.finish();
        assertThat(sent).containsExactly("ERR:oops\n");
    }

    private void out(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        output.writeOut(bytes, 0, bytes.length);
    }
}
