package dev.seccomplab.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.junit.jupiter.api.Test;

/** Where rich output goes outside the lab's kernel: to a JJava-style kernel found at run time, or as text. */
class DisplayTargetsTest {

    @Test
    void withNoKernelAroundOutputIsReadableText() {
        String printed = printedBy(() -> DisplayTargets.detect().accept(Map.of(
                "text/html", "<table/>", "text/plain", "SCENARIO  CHECK\nruntime-default  keyctl show")));
        assertThat(printed).isEqualTo("SCENARIO  CHECK\nruntime-default  keyctl show\n");
        assertThat(printedBy(() -> DisplayTargets.asText(Map.of("text/markdown", "| a |", "text/plain", "| a |"))))
                .isEqualTo("| a |\n");
    }

    @Test
    void insideAJJavaKernelOutputGoesThroughItsDisplayCall() {
        RecordingKernel kernel = new RecordingKernel();
        kernel.install();
        try {
            Consumer<Map<String, String>> target = DisplayTargets.detect();
            target.accept(Map.of("image/svg+xml", "<svg/>", "text/plain", "(SVG image)"));
            assertThat(kernel.shown).hasSize(1);
            assertThat(kernel.shown.get(0).getData(MIMEType.parse("image/svg+xml"))).isEqualTo("<svg/>");
            assertThat(kernel.shown.get(0).getData(MIMEType.TEXT_PLAIN)).isEqualTo("(SVG image)");
        } finally {
            kernel.uninstall();
        }
    }

    private static String printedBy(Runnable action) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    /** The JJava kernel base class, as JJava's own kernel extends it, recording what cells display. */
    private static final class RecordingKernel extends BaseKernel {
        final List<DisplayData> shown = new ArrayList<>();

        RecordingKernel() {
            super("recording", "1", new LanguageInfo("java", "17", "text/x-java-source", ".jshell", "java", "java", "script"), List.of(), null, new JupyterIO(StandardCharsets.UTF_8),
                    new CommManager(), new Renderer(), null, new MagicsRegistry(), false, new StringStyler("", "", "", line -> ""));
        }

        void install() {
            installNotebookKernel();
        }

        void uninstall() {
            uninstallNotebookKernel();
        }

        @Override
        public void display(DisplayData data) {
            shown.add(data);
        }

        @Override
        public Object evalRaw(String code) {
            return null;
        }

        @Override
        public DisplayData inspect(String code, int at, boolean extraDetail) {
            return null;
        }

        @Override
        public ReplacementOptions complete(String code, int at) {
            return null;
        }

        @Override
        public String isComplete(String code) {
            return IS_COMPLETE_YES;
        }
    }
}
