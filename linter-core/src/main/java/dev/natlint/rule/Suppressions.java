package dev.natlint.rule;

import dev.natlint.diag.Finding;
import dev.natlint.parse.Arg;
import dev.natlint.parse.Command;
import dev.natlint.parse.ParsedScript;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Findings the script's author has silenced: {@code natlint:ignore=<rule-id>[,<rule-id>]} inside a
 * command's {@code comment=} property, or a {@code # natlint:ignore <rule-id> ...} comment line directly
 * above the command (blank lines break the connection). {@code all} silences every rule.
 */
public final class Suppressions {

    private static final Pattern IN_PROPERTY = Pattern.compile("natlint:ignore=([\\w,.-]+)");
    private static final Pattern IN_COMMENT = Pattern.compile("^\\s*natlint:ignore\\s+([\\w.\\-, ]+)$");

    private final Map<Integer, Set<String>> byLine = new HashMap<>();

    private Suppressions() {
    }

    public static Suppressions of(ParsedScript script) {
        Suppressions s = new Suppressions();
        for (Command c : script.commands()) {
            int line = c.location().line();
            for (Arg.Property p : c.properties()) {
                if (p.name().equals("comment")) {
                    Matcher m = IN_PROPERTY.matcher(p.value().text());
                    while (m.find()) {
                        s.add(line, m.group(1));
                    }
                }
            }
            for (int above = line - 1; script.commentsByLine().containsKey(above); above--) {
                Matcher m = IN_COMMENT.matcher(script.commentsByLine().get(above));
                if (m.matches()) {
                    s.add(line, m.group(1));
                }
            }
        }
        return s;
    }

    private void add(int line, String ids) {
        for (String id : ids.split("[,\\s]+")) {
            if (!id.isBlank()) {
                byLine.computeIfAbsent(line, k -> new HashSet<>()).add(id.trim());
            }
        }
    }

    public boolean suppresses(Finding f) {
        Set<String> ids = byLine.get(f.location().line());
        return ids != null && (ids.contains(f.ruleId()) || ids.contains("all"));
    }
}
