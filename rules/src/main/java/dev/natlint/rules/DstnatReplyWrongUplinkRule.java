package dev.natlint.rules;

import dev.natlint.diag.Finding;
import dev.natlint.diag.Fix;
import dev.natlint.diag.Severity;
import dev.natlint.flow.Flow;
import dev.natlint.flow.ForwardFlows;
import dev.natlint.flow.Verdict;
import dev.natlint.model.Quoting;
import dev.natlint.model.Route;
import dev.natlint.rule.Analysis;
import dev.natlint.rule.RuleContext;
import dev.natlint.rule.RulePattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A forward on a second uplink: the replies to its internet clients are routed by the main table out
 * of the primary uplink, so clients connecting over the other one never get an answer. The classic
 * multi-WAN cure is policy routing: mark new connections coming in on that uplink, and route the
 * replies of marked connections by a table whose default route leaves by it.
 */
@RulePattern(id = DstnatReplyWrongUplinkRule.ID, severity = Severity.ERROR,
        summary = "Replies to a forward on one uplink leave by another",
        description = "Internet clients reach the forward over an uplink that is not the one the main table's default route"
                + " uses; without a connection mark on those connections and a routing mark for their replies"
                + " (or a routing rule), every reply leaves by the other uplink and the clients never get it.")
public final class DstnatReplyWrongUplinkRule extends BaseRule {

    public static final String ID = "dstnat-reply-wrong-uplink";

    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        Analysis topo = ctx.analysis();
        String replyIface = topo.defaultRouteInterface().orElse("?");
        for (ForwardFlows ff : ctx.flows()) {
            List<Flow> wrong = flows(ff, Verdict.REPLY_WRONG_UPLINK, true);
            if (wrong.isEmpty()) {
                continue;
            }
            TreeSet<String> uplinks = new TreeSet<>();
            wrong.forEach(f -> uplinks.add(ctx.analysis().interfaceName(f.example().inInterface())));
            String msg = "internet clients that connect over " + String.join(" or ", uplinks) + " never get a reply: the"
                    + " main table's default route sends every reply out of " + replyIface + ", and no connection and"
                    + " routing marks send the replies of " + String.join("/", uplinks) + " connections back the way they"
                    + " came (" + Describe.client(wrong.get(0), ctx.analysis()) + ").";
            out.add(finding(ff.forward().rule().location(), msg, fix(ctx, uplinks.first()), wrong));
        }
        return out;
    }

    /** The mangle marks and routing table that send replies back out of {@code uplink}; needs its gateway. */
    private static Fix fix(RuleContext ctx, String uplink) {
        Analysis topo = ctx.analysis();
        Optional<Route> viaUplink = ctx.config().routes().stream().filter(r -> !r.disabled() && r.isDefault()
                && !r.blackhole() && "main".equals(r.routingTable())
                && topo.egressOf(r.gateway()).filter(uplink::equals).isPresent()).findFirst();
        if (viaUplink.isEmpty()) {
            return null;
        }
        String table = "natlint-via-" + uplink;
        String mark = "natlint-in-" + uplink;
        String why = Quoting.quote("natlint: replies to connections that came in on " + uplink);
        String snippet = "/routing table add name=" + Quoting.quote(table) + " fib comment=" + why + "\n"
                + "/ip route add dst-address=0.0.0.0/0 gateway=" + Quoting.quote(viaUplink.get().gateway())
                + " routing-table=" + Quoting.quote(table) + " comment=" + why + "\n"
                + "/ip firewall mangle add action=mark-connection chain=prerouting connection-state=new in-interface="
                + Quoting.quote(uplink) + " new-connection-mark=" + Quoting.quote(mark) + " passthrough=yes comment=" + why
                + "\n/ip firewall mangle add action=mark-routing chain=prerouting connection-mark=" + Quoting.quote(mark)
                + " in-interface=" + Quoting.quote("!" + uplink) + " new-routing-mark=" + Quoting.quote(table)
                + " passthrough=no comment=" + why;
        return new Fix("mark connections that come in on " + uplink + " and route their replies out of " + uplink
                + " (RouterOS 7; on RouterOS 6 give the route routing-mark=" + table + " instead of a routing table)",
                snippet);
    }
}
