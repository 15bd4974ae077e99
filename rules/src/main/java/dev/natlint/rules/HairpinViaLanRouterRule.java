package dev.natlint.rules;

import dev.natlint.diag.Finding;
import dev.natlint.diag.Fix;
import dev.natlint.diag.Severity;
import dev.natlint.flow.ForwardFlows;
import dev.natlint.net.Ipv4;
import dev.natlint.rule.RuleContext;
import dev.natlint.rule.RulePattern;
import java.util.ArrayList;
import java.util.List;

/**
 * The server sits behind a second router on the LAN. A LAN client on that router's subnet uses the
 * public address: the main router translates and sends the packet to the LAN router, the server
 * answers through the LAN router, and the LAN router delivers the reply straight to the client, which
 * drops a reply from the server's private address.
 */
@RulePattern(id = HairpinViaLanRouterRule.ID, severity = Severity.ERROR,
        summary = "The reply of a LAN client's hairpin connection bypasses the router through a LAN router",
        description = "The forward's server is reached through another router on the LAN. Clients on that router's subnet"
                + " that use the public address get the server's reply straight from the LAN router, from the"
                + " server's private address, and drop it: the main router never sees the reply to undo its"
                + " dst-nat.")
public final class HairpinViaLanRouterRule extends BaseRule {

    public static final String ID = "hairpin-via-lan-router";

    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (ForwardFlows ff : ctx.flows()) {
            Hairpin.bypassingPerSubnet(ctx, ff, true).forEach((subnet, f) -> {
                long gateway = Hairpin.lanRouter(ctx, f).orElseThrow();
                String server = Describe.targetAddress(f);
                String client = ctx.analysis().describe(f.example().srcAddress());
                String msg = Describe.client(f, ctx.analysis()) + ": the server " + server + " answers through its"
                        + " gateway " + Ipv4.format(gateway) + ", a LAN router on " + subnet + ", which delivers the reply"
                        + " straight to " + client + "; the client expected it from the public address and drops it (no"
                        + " hairpin masquerade for " + subnet + ").";
                String snippet = Hairpin.specific(ctx, f);
                Fix fix = snippet == null ? null : new Fix("masquerade LAN clients of " + subnet + " that reach " + server
                        + " through the public address, so the reply comes back through the router", snippet);
                out.add(finding(f.forward().rule().location(), msg, fix, List.of(f)));
            });
        }
        return out;
    }
}
