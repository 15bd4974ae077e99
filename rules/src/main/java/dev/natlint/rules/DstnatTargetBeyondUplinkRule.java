package dev.natlint.rules;

import dev.natlint.diag.Finding;
import dev.natlint.diag.Fix;
import dev.natlint.diag.Severity;
import dev.natlint.flow.Flow;
import dev.natlint.flow.ForwardFlows;
import dev.natlint.flow.Verdict;
import dev.natlint.model.Quoting;
import dev.natlint.rule.RuleContext;
import dev.natlint.rule.RulePattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A forward whose target is not on the LAN but beyond an uplink (a server at another site, a cloud host):
 * without src-nat the target sees the client's own address and answers it over the internet, so the reply
 * never passes back through the router that translated the request, and the client drops it (or, for a LAN
 * client's private address, never gets it).
 */
@RulePattern(id = DstnatTargetBeyondUplinkRule.ID, severity = Severity.ERROR,
        summary = "The forward sends connections out of an uplink without src-nat, so replies bypass the router",
        description = "to-addresses is reached through an uplink, and no src-nat rewrites the source on the way out: the"
                + " target answers the client directly over the internet instead of through the router, and the client"
                + " drops a reply that comes from the wrong address.")
public final class DstnatTargetBeyondUplinkRule extends BaseRule {

    public static final String ID = "dstnat-target-beyond-uplink";

    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (ForwardFlows ff : ctx.flows()) {
            List<Flow> outside = ff.flows().stream().filter(f -> f.verdict() == Verdict.REPLY_OUTSIDE_ROUTER).toList();
            if (outside.isEmpty()) {
                continue;
            }
            // an internet client reads as the everyday case; a LAN client's private address is the extreme one
            Flow first = outside.stream().filter(f -> f.source().internet()).findFirst().orElse(outside.get(0));
            String target = Describe.targetAddress(first);
            String uplink = ctx.analysis().routeTo(first.forward().targetAddresses().min()).map(r -> r.iface()).orElse("?");
            String msg = Describe.client(first, ctx.analysis()) + " is sent to " + Describe.target(first) + " out of uplink "
                    + uplink + " with the client's own address as its source, so the target answers the client directly"
                    + " instead of through the router, and the connection fails for every client.";
            out.add(finding(ff.forward().rule().location(), msg, fix(ctx, ff, first, target, uplink), outside));
        }
        return out;
    }

    /**
     * A masquerade of exactly these connections on their way out of the uplink, above the srcnat rule that
     * took them unchanged (an accept) when there is one: the target then answers the router, which undoes
     * both translations. It changes no filter verdict and no LAN client's path to a LAN server.
     */
    private static Fix fix(RuleContext ctx, ForwardFlows ff, Flow first, String target, String uplink) {
        if (uplink.equals("?")) {
            return null;
        }
        String port = String.valueOf(first.steps().get(1).destinationPort());
        String protocol = Describe.protocol(first.example().protocol());
        String place = "";
        if (first.decisive() != null) {
            Optional<String> before = Selectors.placeBefore(ctx, first.decisive());
            if (before.isEmpty()) {
                return null;
            }
            place = " " + before.get();
        }
        String snippet = "/ip firewall nat add action=masquerade chain=srcnat dst-address=" + target + " protocol=" + protocol
                + (protocol.equals("tcp") || protocol.equals("udp") ? " dst-port=" + port : "") + " out-interface="
                + Quoting.quote(uplink) + place + " comment=" + Quoting.quote("natlint: replies from " + target
                + " come back through the router (forward at line " + ff.forward().line() + ")");
        return FixPlanner.complete(ctx, "masquerade the forwarded connections on their way out of " + uplink
                + ", so the target answers the router", snippet, Set.of(), null);
    }
}
