package dev.natlint.rules;

import dev.natlint.flow.Flow;
import dev.natlint.flow.Forward;
import dev.natlint.flow.ForwardFlows;
import dev.natlint.flow.Verdict;
import java.util.LinkedHashMap;
import java.util.Map;
import dev.natlint.graph.RouteResult;
import dev.natlint.model.FirewallRule;
import dev.natlint.model.IpAddress;
import dev.natlint.model.Quoting;
import dev.natlint.net.Ipv4;
import dev.natlint.rule.Analysis;
import dev.natlint.policy.Action;
import dev.natlint.policy.Guard;
import dev.natlint.policy.PolicyRule;
import dev.natlint.rule.RuleContext;
import java.util.Optional;

/**
 * Writes hairpin masquerade rules. They must use what srcnat sees: the server's private address and
 * the translated port, and the interface towards the server (never a bridge port).
 */
final class Hairpin {

    private Hairpin() {
    }

    /**
     * The first LAN flow per client subnet of one forward whose reply bypasses the router, behind a LAN
     * router ({@code viaLanRouter}) or on the server's own subnet: one finding per subnet is enough.
     */
    static Map<String, Flow> bypassingPerSubnet(RuleContext ctx, ForwardFlows ff, boolean viaLanRouter) {
        Map<String, Flow> first = new LinkedHashMap<>();
        for (Flow f : ff.flows()) {
            if (f.verdict() == Verdict.REPLY_BYPASSES_ROUTER && !f.source().internet()
                    && lanRouter(ctx, f).isPresent() == viaLanRouter) {
                clientSubnet(ctx, f).ifPresent(s -> first.putIfAbsent(s, f));
            }
        }
        return first;
    }

    /** The client subnet of a LAN flow, as {@code 192.168.1.0/24}. */
    static Optional<String> clientSubnet(RuleContext ctx, Flow f) {
        return ctx.analysis().connectedSubnetOf(f.example().srcAddress())
                .map(a -> Ipv4.format(a.network()) + "/" + a.prefixLength());
    }

    /** The interface towards the forward's target: its connected subnet's, or its route's. */
    static Optional<String> serverInterface(RuleContext ctx, Forward fw) {
        long server = fw.targetAddresses().min();
        Optional<String> connected = ctx.analysis().connectedSubnetOf(server).map(IpAddress::iface);
        return connected.isPresent() ? connected : ctx.analysis().routeTo(server)
                .filter(r -> r.via() == RouteResult.Via.STATIC).map(RouteResult::iface);
    }

    /**
     * The LAN router a flow's server answers through: the server is on no connected subnet and a static
     * route reaches it via a gateway on one. Empty for servers on the router's own subnets.
     */
    static Optional<Long> lanRouter(RuleContext ctx, Flow f) {
        Analysis topo = ctx.analysis();
        long server = f.forward().targetAddresses().min();
        if (topo.connectedSubnetOf(server).isPresent()) {
            return Optional.empty();
        }
        return topo.routeTo(server).filter(r -> r.via() == RouteResult.Via.STATIC && r.gateway() != RouteResult.NO_GATEWAY)
                .map(RouteResult::gateway);
    }

    /** The specific hairpin rule for one forward and one client subnet; null when it cannot be written. */
    static String specific(RuleContext ctx, Flow f) {
        Forward fw = f.forward();
        PolicyRule r = ctx.policy().of(fw.rule());
        String target = r.natTarget().flatMap(Action.NatTarget::addressesWritten).orElseThrow();
        Optional<String> protocol = r.protocol().map(Guard::written);
        Optional<String> subnet = clientSubnet(ctx, f);
        Optional<String> out = serverInterface(ctx, fw);
        if (subnet.isEmpty() || out.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder("/ip firewall nat add action=masquerade chain=srcnat");
        sb.append(" src-address=").append(subnet.get());
        sb.append(" dst-address=").append(target);
        protocol.ifPresent(p -> sb.append(" protocol=").append(p));
        Optional<String> port = r.natTarget().flatMap(Action.NatTarget::portsWritten)
                .or(() -> r.ports(Guard.PortSide.DST).map(Guard::written));
        if (protocol.isPresent()) {
            port.ifPresent(p -> sb.append(" dst-port=").append(p));
        }
        sb.append(" out-interface=").append(Quoting.quote(out.get()));
        FirewallRule first = f.decisive() != null && f.decisive().chain().equals("srcnat") ? f.decisive() : null;
        Optional<String> before = first == null ? Optional.empty() : Selectors.placeBefore(ctx, first);
        before.ifPresent(p -> sb.append(' ').append(p));
        // the comment says what the rule does, not which finding asked for it: two forwards to the same
        // server and port need the same rule, and identical lines are added once
        sb.append(" comment=").append(Quoting.quote("natlint: hairpin NAT for " + subnet.get() + " to "
                + target + port.filter(p -> protocol.isPresent()).map(p -> ":" + p)
                .orElse("") + protocol.map(p -> "/" + p).orElse("")));
        if (first != null && before.isEmpty()) {
            return Selectors.unselectable(first, "add the rule below above it:") + "\n" + sb;
        }
        return sb.toString();
    }

    /** The broad form: one rule for every hairpinned connection on a subnet. */
    static String broad(String subnet, String iface) {
        return "/ip firewall nat add action=masquerade chain=srcnat src-address=" + subnet + " dst-address=" + subnet
                + " out-interface=" + Quoting.quote(iface) + " comment=" + Quoting.quote("natlint: hairpin NAT for " + subnet);
    }

}
