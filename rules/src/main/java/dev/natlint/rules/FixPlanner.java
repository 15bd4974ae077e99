package dev.natlint.rules;

import dev.natlint.diag.Fix;
import dev.natlint.flow.Flow;
import dev.natlint.flow.Verdict;
import dev.natlint.rule.RuleContext;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Checks a fix before natlint prints it: the script is analysed again with the fix appended, and when
 * the fix lets LAN clients reach a server on their own subnet that they could not reach before (so the
 * reply would now bypass the router), the hairpin masquerade they need is added to the fix.
 */
final class FixPlanner {

    /**
     * Each check costs a full analysis of the file, so a file with hundreds of findings would take
     * minutes. The budget counts forwards analysed (not time, so output stays the same on every
     * machine): past it, fixes are printed unchecked, and say so.
     */
    static final int FORWARD_ANALYSES_PER_FILE = 2_000;
    static final int CHECKS_PER_FILE = 25;

    private FixPlanner() {
    }

    static Fix complete(RuleContext ctx, String description, String snippet) {
        int forwards = Math.max(1, ctx.flows().size());
        int checks = Math.min(CHECKS_PER_FILE, Math.max(1, FORWARD_ANALYSES_PER_FILE / forwards));
        if (!ctx.takeFixCheck(checks)) {
            return new Fix(description + " (not re-checked: too many fixes in this file to re-analyse each;"
                    + " run natlint again after applying some)", snippet);
        }
        Set<String> before = new HashSet<>();
        for (Flow f : ctx.allFlows()) {
            if (f.verdict() == Verdict.REPLY_BYPASSES_ROUTER) {
                before.add(key(f));
            }
        }
        RuleContext after = ctx.withAppended(snippet);
        Map<String, String> hairpins = new LinkedHashMap<>();
        for (Flow f : after.allFlows()) {
            if (f.verdict() == Verdict.REPLY_BYPASSES_ROUTER && !before.contains(key(f))) {
                String rule = Hairpin.specific(after, f);
                if (rule != null) {
                    hairpins.putIfAbsent(key(f), rule);
                }
            }
        }
        if (hairpins.isEmpty()) {
            return new Fix(description, snippet);
        }
        return new Fix(description + ", plus the hairpin masquerade LAN clients then need",
                snippet + "\n" + String.join("\n", new LinkedHashSet<>(hairpins.values())));
    }

    private static String key(Flow f) {
        return f.forward().line() + "|" + f.source().name();
    }
}
