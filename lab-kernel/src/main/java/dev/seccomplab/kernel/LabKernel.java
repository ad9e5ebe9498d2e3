package dev.seccomplab.kernel;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jdk.jshell.SourceCodeAnalysis;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;

/**
 * The Seccomp Lab kernel: Java cells run by JShell, with the lab's {@code lab} object and imports
 * ready in every notebook. Protocol handling is JJava's; execution, output and errors are ours.
 */
final class LabKernel extends BaseKernel {

    static final String NAME = "seccomp-lab";
    static final List<String> STARTUP_CODE = startupCode("Lab.create()");

    /** The lab's imports and its {@code lab} object, made by the given expression. */
    static List<String> startupCode(String labExpression) {
        return List.of(
                "import dev.seccomplab.notebook.*;",
                "import dev.seccomplab.scenarios.*;",
                "import dev.seccomplab.scenarios.checks.*;",
                "import dev.seccomplab.environments.*;",
                "import static dev.seccomplab.notebook.Display.display;",
                "import static dev.seccomplab.notebook.Display.render;",
                "var lab = " + labExpression + ";");
    }

    private final JShellSession session;
    private final CellExecution cells;
    private final CellHistory history;

    private LabKernel(String version, CellHistory history, JShellSession session) {
        super(NAME, version,
                new LanguageInfo("java", Runtime.version().toString(), "text/x-java-source", ".jshell", "java", "java", "script"),
                List.of(new HelpLink("Seccomp Lab", "https://kubernetes.io/docs/tutorials/security/seccomp/")),
                history, new JupyterIO(StandardCharsets.UTF_8), new CommInfoAnswer.Manager(), new Renderer(), null, session.magics().registry(),
                false, new StringStyler("", "", "", line -> ""));
        this.history = history;
        this.session = session;
        this.cells = new CellExecution(session);
    }

    static LabKernel start(String version, CellClassPath classPath) {
        return new LabKernel(version, new CellHistory(), new JShellSession(classPath, STARTUP_CODE));
    }

    /** Starts the JVM that runs cells; cells wait for it if they come first. */
    void startCellJvm() {
        session.startInBackground();
    }

    @Override
    public String getBanner() {
        return "Seccomp Lab kernel: Java (JShell " + Runtime.version().feature() + ") with the lab object ready";
    }

    @Override
    protected synchronized void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        commManager.setMessageContext(message);
        ExecuteRequest request = message.getContent();
        // As ipykernel: a silent request, or one kept out of history, does not count; it reports the last count.
        boolean counted = !request.isSilent() && request.shouldStoreHistory();
        int count = counted ? executionCount.getAndIncrement() : Math.max(executionCount.get() - 1, 0);
        env.setBusyDeferIdle();
        if (!request.isSilent()) {
            env.publish(new PublishExecuteInput(request.getCode(), count));
        }
        CellExecution.Outcome outcome = cells.run(request.getCode(), Optional.empty(), new IoPubOutputs(env, count, request.isSilent()));
        if (counted) {
            history.add(count, request.getCode(), outcome.value().orElse(""));
        }
        if (outcome.error().isPresent()) {
            CellException error = outcome.error().get();
            ErrorReply reply = new ErrorReply(error.name(), error.getMessage(), error.traceback());
            reply.setExecutionCount(count);
            env.defer().replyError(ExecuteReply.MESSAGE_TYPE, reply);
        } else {
            env.defer().reply(new ExecuteReply(count, Map.of()));
        }
    }

    @Override
    protected void handleHistoryRequest(ShellReplyEnvironment env, Message<HistoryRequest> message) {
        HistoryRequest request = message.getContent();
        Set<HistoryManager.ResultFlag> flags = EnumSet.noneOf(HistoryManager.ResultFlag.class);
        List<HistoryEntry> entries;
        if (request instanceof HistoryRequest.Search search) {
            if (search.filterUnique()) {
                flags.add(HistoryManager.ResultFlag.UNIQUE);
            }
            entries = history.search(search.getPattern(), search.getMaxReturnLength(), flags);
        } else if (request instanceof HistoryRequest.Range range) {
            entries = history.lookupRange(range.getSessionIndex(), range.getStart(), range.getStop(), flags);
        } else {
            entries = history.lookupTail(((HistoryRequest.Tail) request).getMaxReturnLength(), flags);
        }
        env.setBusyDeferIdle();
        env.defer().reply(new HistoryAnswer(entries, request.includeOutput()));
    }

    @Override
    protected void handleKernelInfoRequest(ShellReplyEnvironment env, Message<KernelInfoRequest> message) {
        env.setBusyDeferIdle();
        env.defer().reply(new KernelInfo(NAME, getVersion(), getLanguageInfo(), getBanner(), getHelpLinks()));
    }

    @Override
    public Object evalRaw(String code) {
        throw new UnsupportedOperationException("cells run through handleExecuteRequest");
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        List<SourceCodeAnalysis.Documentation> docs = session.analysis().documentation(code, at, extraDetail);
        if (docs.isEmpty()) {
            // JShell documents a call from inside its parentheses; a cursor on the name alone means the same.
            String call = code.substring(0, at) + "(";
            docs = session.analysis().documentation(call, call.length(), extraDetail);
        }
        if (docs.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (SourceCodeAnalysis.Documentation doc : docs) {
            text.append(doc.signature()).append('\n');
            if (doc.javadoc() != null) {
                text.append(doc.javadoc()).append('\n');
            }
        }
        return new DisplayData(text.toString().strip());
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        Optional<ReplacementOptions> magic = session.magics().complete(code, at);
        if (magic.isPresent()) {
            return magic.get();
        }
        int[] anchor = new int[1];
        List<String> options = session.analysis().completionSuggestions(code, at, anchor).stream()
                .filter(SourceCodeAnalysis.Suggestion::matchesType)
                .map(SourceCodeAnalysis.Suggestion::continuation)
                .distinct()
                .toList();
        if (options.isEmpty()) {
            options = session.analysis().completionSuggestions(code, at, anchor).stream()
                    .map(SourceCodeAnalysis.Suggestion::continuation).distinct().toList();
        }
        return new ReplacementOptions(options, anchor[0], at);
    }

    /** complete, incomplete (an indent), or invalid: never "unknown" for code JShell can judge. */
    @Override
    public String isComplete(String code) {
        if (code.strip().startsWith("%")) {
            return IS_COMPLETE_YES;
        }
        String remaining = code;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = session.analysis().analyzeCompletion(remaining);
            switch (info.completeness()) {
                case COMPLETE, COMPLETE_WITH_SEMI, EMPTY -> remaining = info.remaining();
                case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> {
                    return "    ";
                }
                case UNKNOWN -> {
                    return IS_COMPLETE_BAD;
                }
                default -> {
                    return IS_COMPLETE_MAYBE;
                }
            }
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                break;
            }
        }
        return IS_COMPLETE_YES;
    }

    @Override
    public void interrupt() {
        session.stop();
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        cells.close();
        session.close();
    }
}
