package dev.seccomplab.kernel;

import java.util.ArrayList;
import java.util.List;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.reply.HistoryReply;

/**
 * A history_reply in the protocol's shape, a list of {@code [session, line, input]} (or
 * {@code [session, line, [input, output]]}); JJava's own reply serialises each entry as an object.
 */
final class HistoryAnswer implements ContentType<HistoryAnswer> {

    @SuppressWarnings("unused") // serialised by Gson
    private final String status = "ok";
    private final List<List<Object>> history = new ArrayList<>();

    HistoryAnswer(List<HistoryEntry> entries, boolean withOutput) {
        for (HistoryEntry entry : entries) {
            Object cell = withOutput ? List.of(entry.getInput(), entry.getOutput()) : entry.getInput();
            history.add(List.of(entry.getSession(), entry.getCellNumber(), cell));
        }
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public MessageType<HistoryAnswer> getType() {
        return (MessageType) HistoryReply.MESSAGE_TYPE;
    }
}
