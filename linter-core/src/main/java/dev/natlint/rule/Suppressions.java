package dev.natlint.rule;

import dev.natlint.diag.Finding;
import dev.natlint.parse.Arg;
import dev.natlint.parse.Command;
import dev.natlint.parse.ParsedScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Findings the script's author has silenced: {@code natlint:ignore=<rule-id>[,<rule-id>]} (or
 * {@code natlint:ignore <rule-id>}) inside a command's {@code comment=} property, or a comment line
 * {@code # natlint:ignore <rule-id> ...} / {@code # natlint:ignore=<rule-id>,...} in the comment block
 * directly above the command (blank lines break the connection). {@code all} silences every rule.
 *
 * <p>Each id written is one {@link Entry}, so that the engine can tell the author about ids no rule
 * has and about entries that silenced nothing.
 */
public final class Suppressions {

    /** The word every suppression starts with; a comment mentioning it that does not parse is reported. */
    public static final String MARKER = "natlint:ignore";
    public static final String ALL = "all";

    private static final Pattern IN_PROPERTY = Pattern.compile("natlint:ignore(?:=|\\s+)([\\w.\\-]+(?:\\s*,\\s*[\\w.\\-]+)*)");
    private static final Pattern IN_COMMENT = Pattern.compile("^\\s*natlint:ignore(?:\\s*=\\s*|\\s+)([\\w.\\-, ]+?)\\s*$");

    /**
     * One rule id in one suppression.
     *
     * @param line       where the suppression is written (the comment line, or the command's line)
     * @param targetLine the command it applies to; 0 when no command follows the comment block
     * @param ruleId     the id as written, or {@code all}
     */
    public record Entry(int line, int targetLine, String ruleId) {
    }

    /** A comment that mentions {@link #MARKER} but names no rule in a form natlint reads. */
    public record Malformed(int line, String text) {
    }

    private final List<Entry> entries;
    private final List<Malformed> malformed;

    private Suppressions(List<Entry> entries, List<Malformed> malformed) {
        this.entries = List.copyOf(entries);
        this.malformed = List.copyOf(malformed);
    }

    public static Suppressions of(ParsedScript script) {
        List<Entry> entries = new ArrayList<>();
        List<Malformed> malformed = new ArrayList<>();
        Map<Integer, String> comments = new TreeMap<>(script.commentsByLine());
        Map<Integer, Integer> targets = new TreeMap<>();
        for (Command c : script.commands()) {
            int line = c.location().line();
            for (Arg.Property p : c.properties()) {
                if (p.name().equals("comment")) {
                    String value = p.value().text();
                    Matcher m = IN_PROPERTY.matcher(value);
                    boolean any = false;
                    while (m.find()) {
                        any = true;
                        add(entries, line, line, m.group(1));
                    }
                    if (!any && value.contains(MARKER)) {
                        malformed.add(new Malformed(line, value));
                    }
                }
            }
            for (int above = line - 1; comments.containsKey(above); above--) {
                targets.putIfAbsent(above, line);
            }
        }
        for (Map.Entry<Integer, String> c : comments.entrySet()) {
            if (!c.getValue().contains(MARKER)) {
                continue;
            }
            Matcher m = IN_COMMENT.matcher(c.getValue());
            if (m.matches()) {
                add(entries, c.getKey(), targets.getOrDefault(c.getKey(), 0), m.group(1));
            } else {
                malformed.add(new Malformed(c.getKey(), c.getValue().strip()));
            }
        }
        entries.sort(java.util.Comparator.comparingInt(Entry::line).thenComparing(Entry::ruleId));
        return new Suppressions(entries, malformed);
    }

    private static void add(List<Entry> entries, int line, int target, String ids) {
        for (String id : ids.split("[,\\s]+")) {
            if (!id.isBlank()) {
                entries.add(new Entry(line, target, id.trim()));
            }
        }
    }

    public List<Entry> entries() {
        return entries;
    }

    public List<Malformed> malformed() {
        return malformed;
    }

    /** The entries that silence {@code f}; empty when it stands. */
    public List<Entry> matching(Finding f) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries) {
            if (e.targetLine() == f.location().line() && (e.ruleId().equals(f.ruleId()) || e.ruleId().equals(ALL))) {
                out.add(e);
            }
        }
        return out;
    }

    public boolean suppresses(Finding f) {
        return !matching(f).isEmpty();
    }
}
