package dev.natlint.rules;

import dev.natlint.diag.Finding;
import dev.natlint.diag.Severity;
import dev.natlint.model.FirewallRule;
import dev.natlint.model.Quoting;
import dev.natlint.rule.Analysis;
import dev.natlint.model.Table;
import dev.natlint.policy.Action;
import dev.natlint.policy.Guard;
import dev.natlint.policy.PolicyRule;
import dev.natlint.rule.RuleContext;
import dev.natlint.rule.RulePattern;
import java.util.ArrayList;
import java.util.List;

/** A masquerade or src-nat rule with nothing that limits it to traffic leaving for the internet. */
@RulePattern(id = MasqueradeUnrestrictedRule.ID, severity = Severity.WARNING,
        summary = "A masquerade rule without out-interface or address restriction",
        description = "A srcnat masquerade or src-nat rule with no out-interface, out-interface-list or address restriction"
                + " also rewrites routed LAN-to-LAN traffic (between VLANs, and hairpinned connections), so servers"
                + " never see the real client addresses and per-client rules on them stop working.")
public final class MasqueradeUnrestrictedRule extends BaseRule {

    public static final String ID = "masquerade-unrestricted";

    /** A matcher that limits which connections the rule rewrites: out-interface (or list), addresses, lists, marks. */
    private static boolean restricts(Guard g) {
        return g instanceof Guard.Interface i && i.direction() == Guard.Direction.OUT
                || g instanceof Guard.InterfaceList l && l.direction() == Guard.Direction.OUT
                || g instanceof Guard.Address || g instanceof Guard.AddressList || g instanceof Guard.Mark;
    }

    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        Analysis topo = ctx.analysis();
        for (PolicyRule typed : ctx.policy().rules(Table.NAT)) {
            FirewallRule r = typed.source();
            if (typed.disabled() || !typed.chain().equals("srcnat")
                    || !(typed.action() instanceof Action.Masquerade || typed.action() instanceof Action.SrcNat)
                    || typed.guards().stream().anyMatch(MasqueradeUnrestrictedRule::restricts)) {
                continue;
            }
            String msg = "this " + typed.action().name() + " rewrites every routed connection, LAN-to-LAN ones included;"
                    + " limit it to traffic leaving through the WAN.";
            String restriction = ctx.config().findInterfaceList("WAN").filter(l -> !ctx.config()
                    .interfaceListMembers("WAN").isEmpty()).map(l -> "out-interface-list=WAN")
                    .orElse(topo.wanInterfaces().size() == 1 ? "out-interface=" + Quoting.quote(topo.wanInterfaces().get(0)) : null);
            out.add(finding(r.location(), msg, restriction == null ? null : FixPlanner.complete(ctx,
                    "restrict the rule to traffic leaving through the WAN",
                    Selectors.command(ctx, r, "set", restriction))));
        }
        return out;
    }
}
