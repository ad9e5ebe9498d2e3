package dev.seccomplab.kernel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;

/** The cells of this kernel's session, for history requests (tail, range and search). */
final class CellHistory implements HistoryManager {

    /** One kernel process is one session. */
    static final int SESSION = 1;

    private final List<HistoryEntry> entries = new ArrayList<>();

    synchronized void add(int cellNumber, String input, String output) {
        entries.add(new HistoryEntry(SESSION, cellNumber, input, output));
    }

    @Override
    public synchronized List<HistoryEntry> lookupTail(int length, Set<ResultFlag> flags) {
        return List.copyOf(entries.subList(Math.max(0, entries.size() - length), entries.size()));
    }

    @Override
    public synchronized List<HistoryEntry> lookupRange(int session, int start, int stop, Set<ResultFlag> flags) {
        return entries.stream().filter(e -> e.getCellNumber() >= start && e.getCellNumber() < stop).toList();
    }

    /** A glob pattern, as IPython takes it: {@code *} and {@code ?}. */
    @Override
    public synchronized List<HistoryEntry> search(String glob, int length, Set<ResultFlag> flags) {
        Pattern pattern = Pattern.compile(glob.chars()
                .mapToObj(c -> c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf((char) c)))
                .reduce("", String::concat), Pattern.DOTALL);
        List<HistoryEntry> matches = entries.stream().filter(e -> pattern.matcher(e.getInput()).matches()).toList();
        if (flags.contains(ResultFlag.UNIQUE)) {
            Set<String> seen = new HashSet<>();
            List<HistoryEntry> newestFirst = new ArrayList<>();
            for (int i = matches.size() - 1; i >= 0; i--) {
                if (seen.add(matches.get(i).getInput())) {
                    newestFirst.add(0, matches.get(i));
                }
            }
            matches = newestFirst;
        }
        return length > 0 ? matches.subList(Math.max(0, matches.size() - length), matches.size()) : matches;
    }
}
