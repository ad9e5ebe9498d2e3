package dev.seccomplab.kernel;

import dev.seccomplab.notebook.DisplayChannel;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Java cells evaluated by JShell in a JVM of their own ({@link CellAgent}). The separate JVM keeps
 * {@code System.exit} in a cell from ending the kernel: only that JVM ends, and a new one replaces
 * it. JShell starts in the background, so the kernel answers at once.
 */
final class JShellSession implements AutoCloseable {

    /** Small heaps that grow only when cells need them: both JVMs together should stay small. */
    static final List<String> AGENT_VM_OPTIONS = agentVmOptions(Runtime.version().feature());

    /**
     * The cell JVM runs the kernel's {@code java}. From JDK 24 on, the lab's gRPC and protobuf jars
     * make that JVM warn about native access and {@code sun.misc.Unsafe} on its first lab call; the
     * warnings say nothing to a trainee, so the access is allowed, as those libraries need.
     */
    static List<String> agentVmOptions(int feature) {
        List<String> options = new ArrayList<>(List.of("-XX:+UseSerialGC", "-Xms8m", "-Xmx512m", "-XX:MinHeapFreeRatio=10",
                "-XX:MaxHeapFreeRatio=20", "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=32m",
                "-Djava.awt.headless=true", "--enable-native-access=ALL-UNNAMED"));
        if (feature >= 24) {
            options.add("--sun-misc-unsafe-memory-access=allow");
        }
        return List.copyOf(options);
    }

    private final CellClassPath classPath;
    private final List<String> startupCode;
    private volatile CellOutput output;
    private volatile CompletableFuture<JShell> jshell = new CompletableFuture<>();
    private volatile boolean remoteEnded;
    private volatile boolean stopRequested;
    /**
     * Display bundles received so far. They arrive on JShell's one pipe ahead of the result of the
     * snippet that sent them, so a snippet's count is complete when its eval returns.
     */
    private final AtomicLong displayed = new AtomicLong();
    /** What %classpath, %jars and %maven added: a fresh cell JVM gets them again. */
    private final List<String> addedToClasspath = new CopyOnWriteArrayList<>();
    private final LabMagics magics = new LabMagics(this::addToClasspath, MavenArtifacts.inUsersLocalRepository());

    JShellSession(CellClassPath classPath, List<String> startupCode) {
        this.classPath = classPath;
        this.startupCode = List.copyOf(startupCode);
    }

    /**
     * Starts JShell in the background. Called once the sockets are bound, so that the JVM's first
     * seconds go to answering kernel_info rather than to starting the compiler and the cell JVM.
     */
    void startInBackground() {
        CompletableFuture.supplyAsync(this::startJShell).whenComplete((shell, failure) -> {
            if (failure != null) {
                jshell.completeExceptionally(failure);
            } else {
                jshell.complete(shell);
            }
        });
    }

    /** Where the cell's standard output and error go from now on. */
    void routeTo(CellOutput cellOutput) {
        this.output = cellOutput;
    }

    SourceCodeAnalysis analysis() {
        return jshell().sourceCodeAnalysis();
    }

    /** A notebook cell: its magics carried out or turned into Java, then run. */
    Optional<String> evalCell(String cell) throws CellException {
        return run(new CellSource(magics.toJava(cell), cell));
    }

    LabMagics magics() {
        return magics;
    }

    /** What %classpath, %jars and %maven add, for the compiler and the cell JVM (and a fresh cell JVM too). */
    private void addToClasspath(Path file) {
        String entry = file.toString();
        if (!addedToClasspath.contains(entry)) {
            jshell().addToClasspath(entry);
            addedToClasspath.add(entry);
        }
    }

    /** Runs Java code as a cell; returns the value of a final expression, if any. */
    Optional<String> eval(String java) throws CellException {
        return run(new CellSource(java, java));
    }

    /** Runs every snippet of the cell in order; returns the value of a final expression, if any. */
    private Optional<String> run(CellSource source) throws CellException {
        JShell shell = jshell();
        stopRequested = false;
        String cell = source.java();
        String remaining = cell;
        Optional<String> value = Optional.empty();
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(remaining);
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                break;
            }
            int snippetStart = cell.length() - remaining.length() + leadingWhitespace(remaining);
            if (!info.completeness().isComplete()) {
                throw new CellException("IncompleteCell", "line " + source.lineOf(snippetStart)
                        + ": the cell ends in the middle of a statement", List.of(source.pointAt(snippetStart)));
            }
            value = evalSnippet(shell, info.source(), source, snippetStart);
            remaining = info.remaining();
        }
        return value;
    }

    private Optional<String> evalSnippet(JShell shell, String snippetSource, CellSource cell, int snippetStart) throws CellException {
        List<SnippetEvent> events;
        long displayedBefore = displayed.get();
        try {
            events = shell.eval(snippetSource);
        } catch (IllegalStateException ended) {
            throw remoteGone();
        }
        if (remoteEnded) {
            throw remoteGone();
        }
        if (stopRequested) {
            throw new CellException("Interrupted", "the cell was interrupted",
                    List.of("Interrupted while running line " + cell.lineOf(snippetStart) + ": " + cell.line(cell.lineOf(snippetStart)).strip()));
        }
        Optional<String> value = Optional.empty();
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                continue;
            }
            if (event.status() == Snippet.Status.REJECTED) {
                throw compileError(shell, event.snippet(), cell, snippetStart);
            }
            if (event.exception() != null) {
                throw runtimeError(event.exception(), cell, snippetStart);
            }
            // A lab call that displayed its result (a table, a chart) returns it too, for the
            // cells after; printing it again as text would bury what was just shown.
            if (showsValue(event.snippet()) && event.value() != null && displayed.get() == displayedBefore) {
                value = Optional.of(event.value());
            }
            if (event.snippet().subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
                // Its value is shown already; keeping every $N would grow both JVMs cell after cell.
                shell.drop(event.snippet());
            }
        }
        return value;
    }

    /** An expression, including one JShell keeps in a {@code $N} variable; not a declaration. */
    private static boolean showsValue(Snippet snippet) {
        return snippet.kind() == Snippet.Kind.EXPRESSION
                || snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
    }

    /** Stops the running cell, if any. */
    void stop() {
        CompletableFuture<JShell> current = jshell;
        if (current.isDone() && !current.isCompletedExceptionally()) {
            stopRequested = true;
            current.join().stop();
        }
    }

    @Override
    public void close() {
        jshell.thenAccept(JShell::close);
    }

    private JShell jshell() {
        return jshell.join();
    }

    private JShell startJShell() {
        remoteEnded = false;
        JShell shell = classPath.build(JShell.builder()
                .out(new PrintStream(new Routed(CellOutput::writeOut), true, StandardCharsets.UTF_8))
                .err(new PrintStream(new Routed(CellOutput::writeErr), true, StandardCharsets.UTF_8))
                .in(new ByteArrayInputStream(new byte[0]))
                .executionEngine(new PipeExecutionEngine(classPath.runtime(), AGENT_VM_OPTIONS, new DisplayChannel.Receiver(this::display)), Map.of()));
        shell.onShutdown(ended -> remoteEnded = true);
        shell.addToClasspath(classPath.compile());
        addedToClasspath.forEach(shell::addToClasspath);
        for (String code : startupCode) {
            for (SnippetEvent event : shell.eval(code)) {
                if (event.status() == Snippet.Status.REJECTED || event.exception() != null) {
                    throw new IllegalStateException("The kernel's start-up code failed: " + code);
                }
            }
        }
        return shell;
    }

    /** The cell's JVM is gone (System.exit, a crash): say so, and start a fresh one. */
    private CellException remoteGone() {
        jshell = new CompletableFuture<>();
        startInBackground();
        return new CellException("ExecutionEnded",
                "the cell's Java process ended (System.exit or a crash); a new one has started, and earlier variables are gone",
                List.of("The kernel is still running: run the cells you need again."));
    }

    private static CellException compileError(JShell shell, Snippet snippet, CellSource cell, int snippetStart) {
        List<Diag> errors = shell.diagnostics(snippet).filter(Diag::isError).collect(Collectors.toList());
        if (errors.isEmpty()) {
            return new CellException("CompileError", "line " + cell.lineOf(snippetStart) + ": rejected by the compiler",
                    List.of(cell.pointAt(snippetStart)));
        }
        Diag first = errors.get(0);
        int offset = snippetStart + (int) Math.max(0, first.getStartPosition());
        List<String> traceback = new ArrayList<>();
        for (Diag diag : errors) {
            int at = snippetStart + (int) Math.max(0, diag.getStartPosition());
            traceback.add("line " + cell.lineOf(at) + ": " + message(diag));
            traceback.add(cell.pointAt(at));
        }
        return new CellException("CompileError", "line " + cell.lineOf(offset) + ": " + message(first), traceback);
    }

    /** The compiler's message without JShell's wrapper class, which the cell's author never wrote. */
    private static String message(Diag diag) {
        return diag.getMessage(Locale.ROOT).lines()
                .filter(line -> !line.strip().equals("location: class"))
                .collect(Collectors.joining("\n"));
    }

    private static CellException runtimeError(JShellException exception, CellSource cell, int snippetStart) {
        if (exception instanceof UnresolvedReferenceException unresolved) {
            return new CellException("UnresolvedReference", "line " + cell.lineOf(snippetStart) + ": "
                    + unresolved.getSnippet().source().strip() + " uses something not defined yet", List.of(cell.pointAt(snippetStart)));
        }
        String className = exception instanceof EvalException eval ? eval.getExceptionClassName() : exception.getClass().getName();
        String simpleName = className == null ? "Exception" : className.substring(className.lastIndexOf('.') + 1);
        List<String> traceback = new ArrayList<>();
        traceback.add(simpleName + ": " + exception.getMessage());
        boolean refusedByTheLab = refusedArgumentOfTheLab(className, exception.getStackTrace());
        int cellLine = cell.lineOf(snippetStart);
        for (StackTraceElement frame : exception.getStackTrace()) {
            boolean inCell = frame.getFileName() != null && frame.getFileName().startsWith("#");
            if (inCell) {
                int line = cellLine + Math.max(1, frame.getLineNumber()) - 1;
                traceback.add("    at line " + line + " of the cell: " + cell.line(line).strip());
                break;
            }
            if (!refusedByTheLab) {
                traceback.add("    at " + frame);
            }
        }
        return new CellException(simpleName, String.valueOf(exception.getMessage()), traceback);
    }

    /**
     * A lab call refused its argument (an unknown scenario's name, say): the message names what
     * exists, and the lab's own frames would only bury it.
     */
    private static boolean refusedArgumentOfTheLab(String className, StackTraceElement[] frames) {
        if (className == null || frames.length == 0 || !frames[0].getClassName().startsWith("dev.seccomplab.")) {
            return false;
        }
        try {
            return IllegalArgumentException.class.isAssignableFrom(Class.forName(className, false, JShellSession.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError notOneOfOurs) {
            return false;
        }
    }

    private static int leadingWhitespace(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private void display(Map<String, String> bundle) {
        displayed.incrementAndGet();
        CellOutput current = output;
        if (current != null) {
            current.display(bundle);
        }
    }

    /** One of JShell's output streams, forwarded to whichever cell is current. */
    private final class Routed extends OutputStream {

        private final WriteTarget target;

        Routed(WriteTarget target) {
            this.target = target;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            CellOutput current = output;
            if (current != null) {
                target.write(current, bytes, offset, length);
            }
        }
    }

    @FunctionalInterface
    private interface WriteTarget {
        void write(CellOutput output, byte[] bytes, int offset, int length);
    }

}
