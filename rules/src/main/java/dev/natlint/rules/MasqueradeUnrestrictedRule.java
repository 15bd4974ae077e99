package dev.natlint.rules;

import dev.natlint.diag.Finding;
import dev.natlint.diag.Severity;
import dev.natlint.model.FirewallRule;
import dev.natlint.model.Quoting;
import dev.natlint.rule.Analysis;
import dev.natlint.rule.RuleContext;
import dev.natlint.rule.RulePattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A masquerade or src-nat rule with nothing that limits it to traffic leaving for the internet. */
@RulePattern(id = MasqueradeUnrestrictedRule.ID, severity = Severity.WARNING,
        summary = "A masquerade rule without out-interface or address restriction",
        description = "A srcnat masquerade or src-nat rule with no out-interface, out-interface-list or address restriction"
                + " also rewrites routed LAN-to-LAN traffic (between VLANs, and hairpinned connections), so servers"
                + " never see the real client addresses and per-client rules on them stop working.")
public final class MasqueradeUnrestrictedRule extends BaseRule {

    public static final String ID = "masquerade-unrestricted";

    private static final Set<String> RESTRICTIONS = Set.of("out-interface", "out-interface-list", "src-address",
            "src-address-list", "dst-address", "dst-address-list", "connection-mark", "routing-mark", "packet-mark");

    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        Analysis topo = ctx.analysis();
        for (FirewallRule r : ctx.config().natRules()) {
            if (r.disabled() || !r.chain().equals("srcnat")
                    || !(r.action().equals("masquerade") || r.action().equals("src-nat"))
                    || r.properties().keySet().stream().anyMatch(RESTRICTIONS::contains)) {
                continue;
            }
            String msg = "this " + r.action() + " rewrites every routed connection, LAN-to-LAN ones included;"
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
