package dev.natlint.rules;

import dev.natlint.diag.Finding;
import dev.natlint.diag.Related;
import dev.natlint.diag.Severity;
import dev.natlint.flow.Stage;
import dev.natlint.flow.packet.PacketSet;
import dev.natlint.model.FirewallRule;
import dev.natlint.rule.Analysis;
import dev.natlint.rule.RuleContext;
import dev.natlint.rule.RulePattern;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import dev.natlint.flow.Flow;
import dev.natlint.flow.Verdict;

/** A NAT rule no packet can reach: earlier rules of its chain take everything it matches. */
@RulePattern(id = NatRuleUnreachableRule.ID, severity = Severity.WARNING,
        summary = "A NAT rule that earlier rules always take first",
        description = "Every packet this NAT rule matches is matched first by earlier terminal rules of the same chain, so the"
                + " rule never runs; usually the rules are in the wrong order.")
public final class NatRuleUnreachableRule extends BaseRule {

    public static final String ID = "nat-rule-unreachable";

    private static final Map<String, Stage> CHAINS = Map.of("dstnat", Stage.DSTNAT, "srcnat", Stage.SRCNAT);

    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        Set<FirewallRule> shadowedHairpins = new HashSet<>();
        for (Flow f : ctx.allFlows()) {
            if (f.verdict() == Verdict.MASQUERADE_SHADOWED && f.related() != null) {
                shadowedHairpins.add(f.related());
            }
        }
        unreachable(ctx).forEach((r, culprits) -> {
            if (shadowedHairpins.contains(r)) {
                return; // one root cause, one finding: hairpin-masquerade-shadowed reports it and says so
            }
            String names = String.join(", ", culprits.stream().map(Describe::rule).toList());
            FirewallRule first = culprits.get(0);
            out.add(finding(r.location(), "no packet reaches this rule: everything it matches is taken first by "
                    + names + ".", FixPlanner.complete(ctx, "move it above line " + first.location().line()
                    + " (or remove it if it is obsolete)", HairpinMasqueradeShadowedRule.move(ctx, r, first)), List.of(),
                    culprits.stream().map(c -> new Related(c.location(), "this earlier rule takes its packets")).toList()));
        });
        return out;
    }

    /** Every NAT rule no packet reaches, with the earlier rules that take its packets; computed once per file. */
    static Map<FirewallRule, List<FirewallRule>> unreachable(RuleContext ctx) {
        return ctx.memo("nat-rule-unreachable", () -> {
            Map<FirewallRule, List<FirewallRule>> out = new LinkedHashMap<>();
            Analysis an = ctx.analysis();
            for (Map.Entry<String, Stage> chain : List.copyOf(new java.util.TreeMap<>(CHAINS).entrySet())) {
                List<FirewallRule> earlier = new ArrayList<>();
                // each earlier rule's match, asked once: the loop below compares every rule with all before it
                List<Analysis.Match> earlierMatches = new ArrayList<>();
                for (FirewallRule r : an.enabledRules(dev.natlint.model.Table.NAT, chain.getKey())) {
                    Analysis.Match mine = an.newConnections(r, chain.getValue());
                    if (!mine.packets().isEmpty()) {
                        // cut this rule's packets by each earlier rule that can touch them; never build the union
                        // of all earlier rules, whose boxes would multiply
                        PacketSet rest = mine.packets();
                        List<FirewallRule> culprits = new ArrayList<>();
                        for (int k = 0; k < earlier.size(); k++) {
                            FirewallRule e = earlier.get(k);
                            Analysis.Match m = earlierMatches.get(k);
                            // a rule whose match rests on an assumption (time=, limit=) may not take the packets
                            if (!m.assumptions().isEmpty() || m.hull().disjoint(mine.hull())) {
                                continue;
                            }
                            PacketSet cut = rest.subtract(m.packets());
                            if (cut != rest && !cut.sameAs(rest)) {
                                culprits.add(e);
                            }
                            rest = cut;
                            if (rest.isEmpty()) {
                                break;
                            }
                        }
                        if (rest.isEmpty()) {
                            out.put(r, List.copyOf(culprits));
                        }
                    }
                    if (ctx.policy().of(r).action().endsChain()) {
                        earlier.add(r);
                        earlierMatches.add(mine);
                    }
                }
            }
            return out;
        });
    }
}
