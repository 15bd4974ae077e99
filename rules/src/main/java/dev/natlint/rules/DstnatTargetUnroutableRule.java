package dev.natlint.rules;

import dev.natlint.diag.Finding;
import dev.natlint.diag.Severity;
import dev.natlint.flow.Flow;
import dev.natlint.flow.ForwardFlows;
import dev.natlint.flow.Verdict;
import dev.natlint.model.FirewallRule;
import dev.natlint.model.Quoting;
import dev.natlint.policy.Action;
import dev.natlint.rule.RuleContext;
import dev.natlint.rule.RulePattern;
import java.util.ArrayList;
import java.util.List;

/** The forward sends packets to an address the router has no route to. */
@RulePattern(id = DstnatTargetUnroutableRule.ID, severity = Severity.ERROR,
        summary = "The forward's target address is on no connected subnet and no route",
        description = "to-addresses names an address that is in none of the router's connected subnets and no static route"
                + " (often a typo, or a subnet that was renumbered), so translated packets go nowhere useful.")
public final class DstnatTargetUnroutableRule extends BaseRule {

    public static final String ID = "dstnat-target-unroutable";

    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (ForwardFlows ff : ctx.flows()) {
            Flow f = ff.flows().stream().filter(x -> x.verdict() == Verdict.UNROUTABLE).findFirst().orElse(null);
            if (f == null) {
                continue;
            }
            FirewallRule r = ff.forward().rule();
            String target = ctx.policy().of(r).natTarget().flatMap(Action.NatTarget::addressesWritten).orElseThrow();
            String msg = Describe.client(f, ctx.analysis()) + " is translated to " + target
                    + ", which is on no connected subnet and no route, so the connection fails for every client.";
            List<String> lans = ctx.analysis().lanInterfaces();
            if (lans.isEmpty()) {
                out.add(finding(r.location(), msg, null, List.of(f)));
                continue;
            }
            String snippet = "/ip route add dst-address=" + target + (target.contains("/") ? "" : "/32") + " gateway="
                    + Quoting.quote(lans.get(0)) + " comment=" + Quoting.quote("natlint: route to the forward at line "
                    + ff.forward().line());
            out.add(finding(r.location(), msg, FixPlanner.complete(ctx, "if the server really is at " + target
                    + " behind " + lans.get(0) + ", route it there; otherwise correct to-addresses", snippet), List.of(f)));
        }
        return out;
    }
}
