package dev.natlint.rules;

import dev.natlint.diag.Finding;
import dev.natlint.diag.Related;
import dev.natlint.diag.Severity;
import dev.natlint.flow.Flow;
import dev.natlint.flow.Verdict;
import dev.natlint.model.FirewallRule;
import dev.natlint.rule.RuleContext;
import dev.natlint.rule.RulePattern;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A hairpin masquerade exists, but an earlier srcnat rule takes the connection first. */
@RulePattern(id = HairpinMasqueradeShadowedRule.ID, severity = Severity.ERROR,
        summary = "An earlier srcnat rule takes hairpin traffic before the hairpin masquerade",
        description = "srcnat rules run top to bottom and the first match decides: an earlier rule (an accept that exempts"
                + " traffic from NAT, or another translation) takes the hairpinned connection, so the hairpin"
                + " masquerade below it never runs and LAN clients still get replies they drop.")
public final class HairpinMasqueradeShadowedRule extends BaseRule {

    public static final String ID = "hairpin-masquerade-shadowed";

    @Override
    public List<Finding> check(RuleContext ctx) {
        Map<FirewallRule, Flow> byHairpin = new LinkedHashMap<>();
        for (Flow f : ctx.allFlows()) {
            if (f.verdict() == Verdict.MASQUERADE_SHADOWED) {
                byHairpin.putIfAbsent(f.related(), f);
            }
        }
        List<Finding> out = new ArrayList<>();
        byHairpin.forEach((hairpin, f) -> {
            FirewallRule first = f.decisive();
            String msg = Describe.client(f, ctx.analysis()) + ": srcnat rule at " + Describe.rule(first)
                    + " takes the connection before this hairpin masquerade, so the server answers the client directly"
                    + " and the client drops the reply."
                    + (NatRuleUnreachableRule.unreachable(ctx).containsKey(hairpin) ? " No packet reaches this rule at all"
                    + " (what nat-rule-unreachable reports; the same cause and fix, reported once, here)." : "");
            String snippet = move(ctx, hairpin, first);
            out.add(finding(hairpin.location(), msg, FixPlanner.complete(ctx, "move the hairpin masquerade at line "
                    + hairpin.location().line() + " above line " + first.location().line(), snippet), List.of(f),
                    List.of(new Related(first.location(), "this earlier srcnat rule takes the connection first"),
                            new Related(f.forward().rule().location(), "the forward whose LAN clients are affected"))));
        });
        return out;
    }

    /** {@code move [find hairpin] destination=[find first]}, or why it cannot be written. */
    static String move(RuleContext ctx, FirewallRule moving, FirewallRule above) {
        java.util.Optional<String> a = Selectors.of(ctx, moving);
        java.util.Optional<String> b = Selectors.of(ctx, above);
        if (a.isPresent() && b.isPresent()) {
            return moving.table().menu() + " move " + a.get() + " destination=" + b.get();
        }
        FirewallRule missing = a.isEmpty() ? moving : above;
        return Selectors.unselectable(missing, "move the rule at line " + moving.location().line() + " above the rule at line "
                + above.location().line());
    }
}
