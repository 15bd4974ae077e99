package dev.natlint.rules;

import dev.natlint.model.Find;
import dev.natlint.model.FirewallRule;
import dev.natlint.model.Quoting;
import dev.natlint.parse.Arg;
import dev.natlint.rule.RuleContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Writes {@code [find where ...]} selections for rules a fix changes or places a rule before. Print
 * numbers ({@code set 3}, {@code place-before=2}) belong to the console's last {@code print}: they do
 * not work in an imported script and dynamic rules shift them, so fixes select rules by what the file
 * says about them: the comment when it is unique, otherwise chain, action and the properties that tell
 * the rule apart. Uniqueness is checked with the same evaluation the replay uses ({@link Find}).
 */
final class Selectors {

    /**
     * Properties tried after chain and action, in this order: those RouterOS prints back exactly as
     * written come first, so the selection also holds on the router (an address with host bits, for
     * one, is stored as its network and would not match as written).
     */
    private static final List<String> PREFERRED = List.of("to-addresses", "dst-port", "protocol", "in-interface",
            "in-interface-list", "out-interface", "out-interface-list", "src-address-list", "dst-address-list",
            "dst-address", "src-address", "to-ports", "dst-address-type", "connection-nat-state", "connection-state",
            "jump-target");

    /** Values whose stored form may differ from the written one (case, host bits, names of numbers). */
    private static final Pattern STABLE = Pattern.compile("!?[A-Za-z0-9_.:/,\\- ]+");

    private Selectors() {
    }

    /** {@code [find where ...]} selecting {@code r} alone among its table's rules, or empty. */
    static Optional<String> of(RuleContext ctx, FirewallRule r) {
        // one index per table and file: a fix selects each rule it changes, and files have thousands
        Find.Index table = ctx.memo("find-index " + r.table(), () -> new Find.Index(ctx.config().rules(r.table())));
        if (r.comment() != null && !r.comment().isEmpty()) {
            Map<String, String> byComment = Map.of("comment", r.comment());
            if (unique(table, r, byComment)) {
                return Optional.of(render(byComment));
            }
        }
        Map<String, String> conds = new LinkedHashMap<>();
        conds.put("chain", r.chain());
        conds.put("action", r.action());
        List<String> keys = new ArrayList<>(PREFERRED);
        r.properties().keySet().stream().filter(k -> !keys.contains(k)).forEach(keys::add);
        if (r.comment() != null && !r.comment().isEmpty()) {
            keys.add("comment");
        }
        keys.add("disabled");
        int candidates = select(table, conds).size();
        for (String k : keys) {
            if (candidates == 1) {
                break;
            }
            String v = Find.property(r, k);
            if (v == null || !(k.equals("comment") || STABLE.matcher(v).matches())) {
                continue;
            }
            Map<String, String> more = new LinkedHashMap<>(conds);
            more.put(k, v);
            int n = select(table, more).size();
            if (n < candidates) { // only conditions that tell the rule apart from another one
                conds = more;
                candidates = n;
            }
        }
        return candidates == 1 && select(table, conds).get(0) == r ? Optional.of(render(conds)) : Optional.empty();
    }

    /**
     * {@code menu verb [find ...] rest}, or, when no selection picks the rule alone (identical rules),
     * RouterOS comment lines that say so and show the rule to edit by hand.
     */
    static String command(RuleContext ctx, FirewallRule r, String verb, String rest) {
        String menu = r.table().menu();
        return of(ctx, r).map(sel -> menu + " " + verb + " " + sel + (rest.isEmpty() ? "" : " " + rest))
                .orElseGet(() -> unselectable(r, menu + " " + verb + " <this rule>" + (rest.isEmpty() ? "" : " " + rest)));
    }

    /** {@code place-before=[find ...]} for a rule that must go above {@code r}; empty when none selects it. */
    static Optional<String> placeBefore(RuleContext ctx, FirewallRule r) {
        return of(ctx, r).map(sel -> "place-before=" + sel);
    }

    static String unselectable(FirewallRule r, String what) {
        return "# natlint: no [find where ...] selects the rule at line " + r.location().line()
                + " alone (another rule has the same properties); give it a unique comment, then run:\n# " + what
                + "\n# the rule: " + r.table().menu() + " add " + r.toCommandArguments();
    }

    private static boolean unique(Find.Index table, FirewallRule r, Map<String, String> conds) {
        List<FirewallRule> s = select(table, conds);
        return s.size() == 1 && s.get(0) == r;
    }

    private static List<FirewallRule> select(Find.Index table, Map<String, String> conds) {
        List<Arg.Condition> c = new ArrayList<>();
        conds.forEach((k, v) -> c.add(new Arg.Condition(k, "=", v)));
        return table.select(c);
    }

    private static String render(Map<String, String> conds) {
        List<String> parts = new ArrayList<>();
        conds.forEach((k, v) -> parts.add(k + "=" + value(v)));
        return "[find where " + String.join(" and ", parts) + "]";
    }

    /** Quoted unless a plain word: a leading {@code !} or a comma would otherwise be read as syntax. */
    private static String value(String v) {
        return v.matches("[A-Za-z0-9_.:/\\-]+") ? v : Quoting.quoteAlways(v);
    }
}
