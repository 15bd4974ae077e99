package dev.natlint.flow;

import dev.natlint.flow.packet.Field;
import dev.natlint.net.IntervalSet;
import dev.natlint.flow.packet.Packet;
import dev.natlint.graph.RouteResult;
import dev.natlint.graph.Topology;
import dev.natlint.model.FirewallRule;
import dev.natlint.model.IpAddress;
import dev.natlint.net.Ipv4;
import dev.natlint.policy.Action;
import dev.natlint.policy.Guard;
import dev.natlint.policy.Protocols;
import java.util.ArrayList;
import java.util.List;

/** Writes a flow's step table: the packet at each hop, as in the hairpin article's tables. */
final class StepWriter {

    private final AddressSpace space;
    private final Topology topology;
    private final RuleMatcher matcher;

    StepWriter(AddressSpace space, Topology topology, RuleMatcher matcher) {
        this.space = space;
        this.topology = topology;
        this.matcher = matcher;
    }

    List<Step> steps(Packet ex, Verdict verdict, FirewallRule dstnat, Translation t, RouteResult route,
                     FirewallRule srcnat, FirewallRule decisive, FirewallRule related, Forward forward,
                     boolean replyDropped, Marks marks) {
        String client = space.describe(ex.srcAddress());
        int cport = ex.srcPort();
        String pub = space.describe(ex.dstAddress());
        int pport = ex.dstPort();
        String target = space.describe(t.current(Field.DST_ADDRESS, IntervalSet.point(ex.dstAddress())).min());
        int tport = (int) t.current(Field.DST_PORT, IntervalSet.point(pport)).min();
        long newSrc = t.current(Field.SRC_ADDRESS, IntervalSet.point(ex.srcAddress())).min();
        String source = space.describe(newSrc);
        boolean srcChanged = newSrc != ex.srcAddress();
        int dnatLine = dstnat == null ? 0 : dstnat.location().line();

        List<Step> s = new ArrayList<>();
        s.add(new Step(1, client, cport, pub, pport, "client sends to " + (dstnat == null && forward == null
                ? "the destination" : "the public address") + ", " + protocol(ex.protocol()) + "/" + pport, 0));
        String rewrote = "router's dst-nat (line " + dnatLine + ") rewrote the destination";
        switch (verdict) {
            case NO_DST_NAT -> s.add(new Step(2, client, cport, pub, pport, noDstNat(ex, dstnat, decisive, forward),
                    decisive == null ? 0 : decisive.location().line()));
            case SHADOWED -> s.add(new Step(2, client, cport, matcher.policy().of(decisive).action()
                    instanceof Action.DstNat d ? d.to().addressesWritten().orElse(pub) : pub, pport, shadowed(decisive, forward),
                    decisive.location().line()));
            case UNROUTABLE -> {
                s.add(new Step(2, client, cport, target, tport, rewrote, dnatLine));
                s.add(new Step(3, client, cport, target, tport, "no route to " + target
                        + ": it is on no connected subnet and no static route"
                        + (route != null ? " (" + route.description() + ")" : ""), 0));
            }
            case FILTERED -> {
                if (replyDropped) {
                    s.add(new Step(2, source, cport, target, tport, dstnat == null ? "router routes it" : rewrote
                            + (srcChanged ? " and the source (line " + srcnat.location().line() + ")" : "; source unchanged"),
                            dnatLine));
                    s.add(new Step(3, target, tport, client, cport, "server replies through the router; forward rule at line "
                            + decisive.location().line() + " (action=" + decisive.action() + ", chain=" + decisive.chain()
                            + ") drops the reply" + carried(decisive, marks), decisive.location().line()));
                    return s;
                }
                s.add(new Step(2, client, cport, target, tport, dstnat == null ? "router routes it" : rewrote,
                        dnatLine));
                String why = decisive.chain().equals("srcnat")
                        ? "masquerade at line " + decisive.location().line() + " has no address on "
                        + (route == null ? "the out-interface" : route.iface()) + "; the packet is dropped"
                        : "forward rule at line " + decisive.location().line() + " (action=" + decisive.action()
                        + ", chain=" + decisive.chain() + ") drops it" + carried(decisive, marks);
                s.add(new Step(3, client, cport, target, tport, why, decisive.location().line()));
            }
            case OK -> {
                if (dstnat == null) {
                    s.add(new Step(2, source, cport, target, tport, "router routes it out of "
                            + (route == null ? "?" : route.iface()) + (srcChanged ? " and rewrites the source (line "
                            + srcnat.location().line() + ")" : ""), srcChanged ? srcnat.location().line() : 0));
                    s.add(new Step(3, target, tport, source, cport, "the destination replies", 0));
                    if (srcChanged) {
                        s.add(new Step(4, target, tport, client, cport, "router undoes the source translation", 0));
                    }
                    return s;
                }
                if (srcChanged) {
                    boolean toRouter = topology.isRouterAddress(newSrc) || newSrc > 0xFFFFFFFFL;
                    s.add(new Step(2, source, cport, target, tport, "router dst-nats the destination (line " + dnatLine
                            + ") and " + (srcnat.action().equals("masquerade") ? "masquerades the source to its "
                            + (route == null ? "" : route.iface() + " ") + "address" : srcnat.action()
                            + " rewrites the source") + " (line " + srcnat.location().line() + ")", dnatLine));
                    s.add(new Step(3, target, tport, source, cport, toRouter ? "server replies to the router"
                            : "server replies; " + source + " is not on its subnet, so the reply goes to its gateway, the router", 0));
                    s.add(new Step(4, pub, pport, client, cport, "router undoes both translations; the client gets the reply it expects", 0));
                } else {
                    s.add(new Step(2, client, cport, target, tport, rewrote + "; source unchanged", dnatLine));
                    s.add(new Step(3, target, tport, client, cport, "server replies; " + client
                            + " is not on its subnet, so the reply goes to its gateway, the router", 0));
                    s.add(new Step(4, pub, pport, client, cport, "router recognises the connection and undoes the dst-nat on the reply", 0));
                }
            }
            case REPLY_BYPASSES_ROUTER -> {
                s.add(new Step(2, source, cport, target, tport, rewrote + (srcChanged ? "" : "; source unchanged"),
                        dnatLine));
                long target0 = t.current(Field.DST_ADDRESS, IntervalSet.point(ex.dstAddress())).min();
                if (topology.connectedSubnetOf(target0).isEmpty() && route != null
                        && route.gateway() != RouteResult.NO_GATEWAY) {
                    s.add(new Step(3, target, tport, source, cport, "server replies to its gateway "
                            + Ipv4.format(route.gateway()) + " (the LAN router the router reaches it through), which"
                            + " delivers it straight to the client on its own subnet, bypassing the router; the client"
                            + " expected a reply from " + pub + " and drops it", 0));
                } else {
                    s.add(new Step(3, target, tport, source, cport, "server replies directly (the client is on its own"
                            + " subnet), bypassing the router; the client expected a reply from " + pub + " and drops it", 0));
                }
            }
            case NOT_DELIVERED -> s.add(new Step(2, client, cport, pub, pport, pub + " is not an address of this router"
                    + " (its public addresses: " + publicAddresses() + "), so the internet does not deliver the packet"
                    + " to it and the forward never sees it", 0));
            case REPLY_WRONG_UPLINK -> {
                String in = space.universe().interfaceName(ex.inInterface());
                String out = topology.defaultRouteInterface().orElse("?");
                s.add(new Step(2, client, cport, target, tport, rewrote + "; the connection came in on " + in, dnatLine));
                s.add(new Step(3, pub, pport, client, cport, "the reply is routed by the main table's default route out of "
                        + out + ", not " + in + ": it leaves by the wrong uplink and the client, which connected over "
                        + in + ", never gets it", 0));
            }
            case REPLY_OUTSIDE_ROUTER -> {
                s.add(new Step(2, client, cport, target, tport, rewrote + " to " + target + ", which the router reaches out of "
                        + (route == null ? "an uplink" : "uplink " + route.iface()) + (srcnat == null ? "; source unchanged"
                        : "; srcnat rule at line " + srcnat.location().line() + " (action=" + srcnat.action()
                        + ") takes the connection and leaves the source unchanged"), dnatLine));
                s.add(new Step(3, target, tport, client, cport, Ipv4.isPrivate(ex.srcAddress())
                        ? "the target answers " + client + ", a private address the internet does not route back to"
                        + " the router; the client never gets a reply"
                        : "the target answers " + client + " directly over the internet, not through the router; the"
                        + " client expected a reply from " + pub + " and drops it", 0));
            }
            case NO_ROUTE_BACK -> {
                s.add(new Step(2, source, cport, target, tport, rewrote + (srcChanged ? " and the source (line "
                        + srcnat.location().line() + ")" : "; source unchanged"), dnatLine));
                s.add(new Step(3, target, tport, source, cport, "server replies through the router, which has no route to "
                        + client + " (no default route, no route covers it), so it drops the reply", 0));
            }
            case MASQUERADE_SHADOWED -> {
                s.add(new Step(2, client, cport, target, tport, rewrote + "; srcnat rule at line "
                        + decisive.location().line() + " (action=" + decisive.action()
                        + ") takes the connection before the hairpin " + related.action() + " at line "
                        + related.location().line() + ", so the source stays " + client, decisive.location().line()));
                s.add(new Step(3, target, tport, client, cport, "server replies directly (the client is on its own subnet), "
                        + "bypassing the router; the client expected a reply from " + pub + " and drops it", 0));
            }
            default -> throw new IllegalStateException(verdict.name());
        }
        return s;
    }

    private String publicAddresses() {
        List<String> out = new ArrayList<>();
        for (String wan : topology.wanInterfaces()) {
            for (IpAddress a : topology.addressesOn(wan)) {
                out.add(Ipv4.format(a.address()));
            }
            if (topology.dynamicAddressInterfaces().contains(wan)) {
                out.add("the dynamic address of " + wan);
            }
        }
        return out.isEmpty() ? "none found" : String.join(", ", out);
    }

    private String noDstNat(Packet ex, FirewallRule dstnat, FirewallRule decisive, Forward forward) {
        if (dstnat != null) {
            return "dst-nat at line " + dstnat.location().line() + " points at the router's own address";
        }
        StringBuilder sb = new StringBuilder("no dstnat rule translates it");
        if (forward != null) {
            List<String> failing = matcher.failingGuards(matcher.policy().of(forward.rule()), Stage.DSTNAT,
                    new RuleMatcher.ConnState(false, false), ex).stream().map(Guard::quoted).toList();
            if (!failing.isEmpty()) {
                sb.append(" (the forward at line ").append(forward.line()).append(" requires ")
                        .append(String.join(", ", failing)).append(')');
            }
        }
        if (decisive != null) {
            sb.append("; rule at line ").append(decisive.location().line()).append(" (action=")
                    .append(decisive.action()).append(") takes it");
        }
        return sb.append("; the packet is for the router itself").toString();
    }

    private String shadowed(FirewallRule decisive, Forward forward) {
        Action action = matcher.policy().of(decisive).action();
        String what = "";
        if (action instanceof Action.DstNat d) {
            what = " and sends it to " + d.to().addressesWritten().orElse("another address")
                    + d.to().portsWritten().map(p -> ":" + p).orElse("");
        } else if (action instanceof Action.Accept) {
            what = " and exempts it from NAT; the packet stays for the router itself";
        } else if (action instanceof Action.Redirect) {
            what = " and redirects it to the router itself";
        }
        return "dstnat rule at line " + decisive.location().line() + " (action=" + decisive.action()
                + ") matches first" + what + (forward == null ? "" : ", before the forward at line " + forward.line());
    }

    /** Which marks a dropping rule that matches marks saw, so the table shows where the mark came from. */
    private String carried(FirewallRule decisive, Marks marks) {
        boolean matchesMarks = matcher.policy().of(decisive).guards().stream().anyMatch(g -> g instanceof Guard.Mark);
        if (!matchesMarks || !marks.followed()) {
            return "";
        }
        return marks.any() ? " (the packet carries " + marks.describe() + ", set by mangle)" : " (the packet is unmarked)";
    }

    static String protocol(int number) {
        return Protocols.name(number).orElse(String.valueOf(number));
    }
}
