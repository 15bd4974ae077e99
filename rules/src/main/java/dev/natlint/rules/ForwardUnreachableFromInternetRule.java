package dev.natlint.rules;

import dev.natlint.diag.Finding;
import dev.natlint.diag.Fix;
import dev.natlint.diag.Severity;
import dev.natlint.flow.Flow;
import dev.natlint.flow.ForwardFlows;
import dev.natlint.flow.Verdict;
import dev.natlint.model.FirewallRule;
import dev.natlint.model.Table;
import dev.natlint.policy.Action;
import dev.natlint.policy.Guard;
import dev.natlint.policy.PolicyRule;
import dev.natlint.rule.RuleContext;
import dev.natlint.rule.RulePattern;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A forward that no internet client can use on any uplink its own matchers admit: a filter rule drops
 * it, or an earlier dstnat rule that is no forward takes it. Sources the forward's own matchers
 * leave out (an {@code in-interface} that names one of two uplinks) are intended and not counted.
 */
@RulePattern(id = ForwardUnreachableFromInternetRule.ID, severity = Severity.ERROR,
        summary = "No internet client can use the forward",
        description = "Every internet client the forward is written for fails: a forward-chain rule drops the connection (a"
                + " drop of new connections from the WAN without the connection-nat-state=!dstnat exception is the"
                + " classic case), or an earlier dstnat rule that is no forward (accept, return) takes it.")
public final class ForwardUnreachableFromInternetRule extends BaseRule {

    public static final String ID = "forward-unreachable-from-internet";

    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (ForwardFlows ff : ctx.flows()) {
            List<Flow> admitted = admittedInternetFlows(ctx, ff);
            if (admitted.isEmpty() || admitted.stream().anyMatch(Flow::works)) {
                continue;
            }
            // a drop, or a rule that is no forward taking the packets first (accept, return, redirect); another
            // forward taking the same port, or packets that never reach this rule, are the author's design
            List<Flow> broken = admitted.stream().filter(f -> f.verdict() == Verdict.FILTERED
                    || (f.verdict() == Verdict.SHADOWED && f.decisive() != null
                    && !(ctx.policy().of(f.decisive()).action() instanceof Action.DstNat))).toList();
            if (broken.isEmpty()) {
                continue;
            }
            Set<FirewallRule> deciding = new LinkedHashSet<>();
            broken.stream().map(Flow::decisive).filter(d -> d != null).forEach(deciding::add);
            List<String> causes = new ArrayList<>();
            for (FirewallRule d : deciding) {
                causes.add(d.table() == Table.FILTER ? "the filter rule at " + Describe.rule(d) + " drops it"
                        : "the " + d.chain() + " rule at " + Describe.rule(d) + " takes it first");
            }
            Flow first = broken.get(0);
            String msg = "no internet client can use this forward: " + String.join("; ", causes) + " ("
                    + Describe.client(first, ctx.analysis()) + ").";
            out.add(finding(ff.forward().rule().location(), msg, fix(ctx, deciding, ff.forward().line()), broken));
        }
        return out;
    }

    /**
     * For a drop of new connections from the WAN: the defconf exception, {@code connection-nat-state=!dstnat},
     * on that rule, which lets port-forwarded connections (both directions) past it and nothing else.
     */
    private static Fix fix(RuleContext ctx, Set<FirewallRule> deciding, int forwardLine) {
        Optional<FirewallRule> drop = deciding.stream().map(d -> ctx.policy().of(d)).filter(d -> d.table() == Table.FILTER
                && d.action().drops() && d.guard(Guard.ConnectionNatState.class).isEmpty())
                .map(PolicyRule::source).findFirst();
        if (drop.isEmpty()) {
            return null;
        }
        Optional<String> select = Selectors.of(ctx, drop.get());
        if (select.isEmpty()) {
            return null;
        }
        return FixPlanner.complete(ctx, "exempt port-forwarded connections from the drop at line "
                + drop.get().location().line() + " (the defconf connection-nat-state=!dstnat exception)",
                "/ip firewall filter set " + select.get() + " connection-nat-state=!dstnat");
    }
}
