package dev.natlint.fix;

import dev.natlint.NatLint;
import dev.natlint.diag.Finding;
import dev.natlint.report.FileReport;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.HashMap;
import java.util.Map;

/**
 * Every fix for one file as a single script to import, proven the way single fixes are: the file is
 * analysed again with the script appended, and the script must remove every finding that has a fix
 * and add no finding.
 *
 * <p>Fixes that are right one at a time can expose each other's gaps (a rewritten forward lets LAN
 * clients in that a filter fix's re-check never saw), so the script is built in rounds: after each
 * round the file is analysed with the script so far, and the fixes of what is still (or newly) found
 * are added, until nothing with a fix is left or {@link #MAX_ROUNDS} is reached.
 *
 * @param script      the commands, one per line, in the order they must run
 * @param fixed       findings of the file as written that had a fix, as {@code line rule-id}
 * @param remaining   of those, the ones still found with the script appended
 * @param introduced  findings that appear only with the script appended
 */
public record CombinedFix(String script, List<String> fixed, List<String> remaining, List<String> introduced) {

    /** Each round costs an analysis of the whole file; fixes rarely need more than two. */
    public static final int MAX_ROUNDS = 4;

    public CombinedFix {
        fixed = List.copyOf(fixed);
        remaining = List.copyOf(remaining);
        introduced = List.copyOf(introduced);
    }

    /** True when the script removes every finding that has a fix and adds none. */
    public boolean proven() {
        return remaining.isEmpty() && introduced.isEmpty();
    }

    public boolean empty() {
        return script.isEmpty();
    }

    /** The script as a file to import: a header saying what it is and whether it is proven, then the commands. */
    public String render(String path) {
        if (empty()) {
            return "# natlint: nothing to fix in " + path + "\n";
        }
        return "# natlint: every fix for " + path + " (" + fixed.size() + " finding" + (fixed.size() == 1 ? "" : "s")
                + "); append it to the script or /import it" + (proven() ? ""
                : "\n# natlint: NOT PROVEN: with it appended natlint still finds " + String.join("; ", remaining)
                + (introduced.isEmpty() ? "" : " and newly finds " + String.join("; ", introduced)) + "; review before use")
                + "\n" + script + "\n";
    }

    public static CombinedFix of(NatLint lint, String path, String text) {
        String base = text.isEmpty() || text.endsWith("\n") ? text : text + "\n";
        FileReport before = lint.checkText(path, text);
        List<String> fixedKeys = new ArrayList<>();
        for (Finding f : before.findings()) {
            if (f.fix() != null) {
                fixedKeys.add(key(f));
            }
        }
        Set<String> lines = new LinkedHashSet<>();
        FileReport current = before;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<String> added = ordered(current.findings(), lines);
            if (added.isEmpty()) {
                break;
            }
            lines.addAll(added);
            current = lint.checkText(path, base + String.join("\n", lines) + "\n");
        }
        String script = String.join("\n", lines);
        FileReport after = lines.isEmpty() ? before : current;
        // counted per line and rule: one line can hold two findings of a rule, one with a fix and one
        // without (an undefined list and an undefined interface on the same rule)
        Map<String, Integer> withoutFix = counts(before.findings().stream().filter(f -> f.fix() == null).toList());
        Map<String, Integer> beforeAll = counts(before.findings());
        Map<String, Integer> afterAll = counts(after.findings());
        List<String> remaining = new ArrayList<>();
        for (String k : new LinkedHashSet<>(fixedKeys)) {
            if (afterAll.getOrDefault(k, 0) > withoutFix.getOrDefault(k, 0)) {
                remaining.add(k);
            }
        }
        List<String> introduced = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Finding f : after.findings()) {
            String k = key(f);
            if (seen.merge(k, 1, Integer::sum) > beforeAll.getOrDefault(k, 0)) {
                introduced.add(f.location().line() + " " + f.ruleId() + ": " + f.message());
            }
        }
        return new CombinedFix(script, fixedKeys, remaining, introduced);
    }

    /**
     * The new lines of the findings' fixes, in an order that works when run top to bottom: first what
     * defines names (interface lists, address-list entries), then changes to existing rules (set, move,
     * enable), which select rules by their properties as the file has them, and only then new rules,
     * which could otherwise be selected by a change meant for an existing rule.
     */
    private static List<String> ordered(List<Finding> findings, Set<String> have) {
        List<String> defines = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        List<String> adds = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>(have);
        for (Finding f : findings) {
            if (f.fix() == null) {
                continue;
            }
            boolean alternative = false;
            for (String line : f.fix().snippet().split("\n")) {
                String l = line.strip();
                // "# or, once for all ..." and the commented rule after it are a suggestion, not a step
                if (l.startsWith("# or,")) {
                    alternative = true;
                    continue;
                }
                if (alternative) {
                    alternative = false;
                    continue;
                }
                if (l.isEmpty() || !seen.add(l)) {
                    continue;
                }
                if (l.startsWith("#")) {
                    changes.add(l); // a note that a rule cannot be selected: keep it before what follows
                } else if (l.startsWith("/interface list add ") || l.startsWith("/ip firewall address-list add ")) {
                    defines.add(l);
                } else if (l.matches("/[^=]* (set|move|enable|disable|remove) .*")) {
                    changes.add(l);
                } else {
                    adds.add(l);
                }
            }
        }
        List<String> out = new ArrayList<>(defines);
        out.addAll(changes);
        out.addAll(adds);
        return out;
    }

    private static Map<String, Integer> counts(List<Finding> findings) {
        Map<String, Integer> out = new HashMap<>();
        findings.forEach(f -> out.merge(key(f), 1, Integer::sum));
        return out;
    }

    private static String key(Finding f) {
        return f.location().line() + " " + f.ruleId();
    }
}
