package dev.natlint.flow;

import dev.natlint.graph.RouteResult;
import dev.natlint.graph.Topology;
import dev.natlint.model.FirewallRule;
import dev.natlint.model.IpAddress;
import dev.natlint.model.RouterConfig;
import dev.natlint.model.Table;
import dev.natlint.net.Ipv4;
import dev.natlint.net.Ports;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The oracle for the exactness tests: one concrete packet, run rule by rule with plain comparisons on
 * the written matcher values, written separately from the symbolic engine (no packet sets, no
 * translation preimages). Static addresses only: it knows nothing of symbolic DHCP addresses.
 */
final class ReferenceEvaluator {

    /** A concrete first packet; interfaces by name. */
    record Pkt(long src, long dst, int proto, int sport, int dport, String in, String out) {
        Pkt withDst(long d, int p) {
            return new Pkt(src, d, proto, sport, p, in, out);
        }

        Pkt withOut(String o) {
            return new Pkt(src, dst, proto, sport, dport, in, o);
        }

        Pkt withSrc(long s) {
            return new Pkt(s, dst, proto, sport, dport, in, out);
        }
    }

    private final RouterConfig config;
    private final Topology topology;

    ReferenceEvaluator(RouterConfig config) {
        this.config = config;
        this.topology = Topology.of(config);
    }

    /** The verdict for one packet of a forward ({@code intended}, may be null for a plain trace). */
    Verdict verdict(Pkt p, FirewallRule intended) {
        FirewallRule d = decide(Table.NAT, "dstnat", p, false);
        Pkt afterDnat = p;
        boolean dnatted = false;
        if (d != null && d.action().equals("dst-nat")) {
            if (intended != null && d != intended && !(d.get("to-addresses").equals(intended.get("to-addresses"))
                    && d.get("to-ports").equals(intended.get("to-ports")))) {
                return Verdict.SHADOWED;
            }
            long to = d.get("to-addresses").flatMap(Ipv4::parseAddressSpec).map(s -> s.min()).orElse(p.dst());
            int port = d.get("to-ports").flatMap(Ports::parse).map(s -> (int) s.min()).orElse(p.dport());
            afterDnat = p.withDst(to, port);
            dnatted = true;
        } else if (intended != null && d != null && d.position() < intended.position()) {
            return Verdict.SHADOWED;
        } else {
            return Verdict.NO_DST_NAT;
        }
        if (topology.isRouterAddress(afterDnat.dst())) {
            return Verdict.NO_DST_NAT;
        }
        Optional<RouteResult> route = topology.route(afterDnat.dst());
        if (route.isEmpty() || route.get().via() == RouteResult.Via.BLACKHOLE
                || (route.get().via() == RouteResult.Via.DEFAULT && Ipv4.isPrivate(afterDnat.dst()))) {
            return Verdict.UNROUTABLE;
        }
        Pkt routed = afterDnat.withOut(route.get().iface());
        FirewallRule f = decide(Table.FILTER, "forward", routed, dnatted);
        if (f != null && (f.action().equals("drop") || f.action().equals("reject") || f.action().equals("tarpit"))) {
            return Verdict.FILTERED;
        }
        FirewallRule s = decide(Table.NAT, "srcnat", routed, dnatted);
        long newSrc = routed.src();
        if (s != null && s.action().equals("masquerade")) {
            List<IpAddress> own = topology.addressesOn(route.get().iface());
            if (own.isEmpty()) {
                return Verdict.FILTERED;
            }
            newSrc = own.get(0).address();
        } else if (s != null && s.action().equals("src-nat") && s.get("to-addresses").isPresent()) {
            newSrc = Ipv4.parseAddressSpec(s.get("to-addresses").get()).orElseThrow().min();
        }
        boolean srcnatted = newSrc != routed.src();
        // the reply, if it crosses the router, meets the forward chain as an established packet
        Pkt reply = new Pkt(routed.dst(), p.src(), routed.proto(), routed.dport(), p.sport(), route.get().iface(), p.in());
        FirewallRule replyRule = decide(Table.FILTER, "forward", reply, dnatted, srcnatted, true);
        boolean replyDropped = replyRule != null && (replyRule.action().equals("drop") || replyRule.action().equals("reject")
                || replyRule.action().equals("tarpit"));
        Optional<IpAddress> serverNet = topology.connectedSubnetOf(routed.dst());
        if (serverNet.isEmpty()) {
            return replyDropped ? Verdict.FILTERED : Verdict.OK;
        }
        IpAddress net = serverNet.get();
        boolean onSubnet = (newSrc & Ipv4.mask(net.prefixLength())) == net.network() && !topology.isRouterAddress(newSrc);
        if (!onSubnet) {
            return replyDropped ? Verdict.FILTERED : Verdict.OK;
        }
        if (newSrc != routed.src()) {
            return Verdict.REPLY_BYPASSES_ROUTER;
        }
        if (s != null) {
            for (FirewallRule h : config.natRules()) {
                if (!h.disabled() && h.chain().equals("srcnat") && h.position() > s.position()
                        && (h.action().equals("masquerade") || h.action().equals("src-nat"))
                        && matches(h, routed, Stage.SRCNAT, dnatted)) {
                    return Verdict.MASQUERADE_SHADOWED;
                }
            }
        }
        return Verdict.REPLY_BYPASSES_ROUTER;
    }

    /** The deciding rule of a chain for one first packet, following jumps; null when none decides. */
    FirewallRule decide(Table table, String chain, Pkt p, boolean dnatted) {
        return decide(table, chain, p, dnatted, false, false);
    }

    private boolean srcnatted;
    private boolean reply;

    FirewallRule decide(Table table, String chain, Pkt p, boolean dnatted, boolean srcnatted, boolean reply) {
        this.srcnatted = srcnatted;
        this.reply = reply;
        Stage stage = table == Table.FILTER ? Stage.FORWARD : chain.equals("dstnat") ? Stage.DSTNAT : Stage.SRCNAT;
        Object r = run(table, chain, p, dnatted, stage, new ArrayDeque<>());
        return r instanceof FirewallRule fr ? fr : null;
    }

    private static final Object RETURN = new Object();

    private Object run(Table table, String chain, Pkt p, boolean dnatted, Stage stage, Deque<String> callers) {
        callers.push(chain);
        try {
            for (FirewallRule r : config.rules(table)) {
                if (r.disabled() || !r.chain().equals(chain) || !matches(r, p, stage, dnatted)) {
                    continue;
                }
                switch (r.action()) {
                    case "passthrough", "log", "add-src-to-address-list", "add-dst-to-address-list",
                            "fasttrack-connection" -> { }
                    case "return" -> {
                        return RETURN;
                    }
                    case "jump" -> {
                        String target = r.get("jump-target").orElse("");
                        if (!callers.contains(target)) {
                            Object sub = run(table, target, p, dnatted, stage, callers);
                            if (sub instanceof FirewallRule) {
                                return sub;
                            }
                        }
                    }
                    default -> {
                        return r;
                    }
                }
            }
            return null;
        } finally {
            callers.pop();
        }
    }

    boolean matches(FirewallRule r, Pkt p, Stage stage, boolean dnatted) {
        for (Map.Entry<String, String> e : r.properties().entrySet()) {
            String v = e.getValue();
            boolean neg = v.startsWith("!");
            String val = neg ? v.substring(1) : v;
            Boolean m = switch (e.getKey()) {
                case "src-address" -> inSpec(val, p.src());
                case "dst-address" -> inSpec(val, p.dst());
                case "src-address-list" -> inList(val, p.src());
                case "dst-address-list" -> inList(val, p.dst());
                case "dst-address-type" -> val.equals("local") ? topology.isRouterAddress(p.dst()) : null;
                case "protocol" -> (val.equals("tcp") ? 6 : val.equals("udp") ? 17 : Integer.parseInt(val)) == p.proto();
                case "dst-port" -> Ports.parse(val).orElseThrow().contains(p.dport());
                case "src-port" -> Ports.parse(val).orElseThrow().contains(p.sport());
                case "in-interface" -> val.equals(p.in());
                case "out-interface" -> stage == Stage.DSTNAT ? null : val.equals(p.out());
                case "in-interface-list" -> config.interfaceListMembers(val).contains(p.in());
                case "out-interface-list" -> stage == Stage.DSTNAT ? null : config.interfaceListMembers(val).contains(p.out());
                case "connection-state" -> List.of(val.split(",")).contains(reply ? "established" : "new");
                case "connection-nat-state" -> (List.of(val.split(",")).contains("dstnat") && dnatted)
                        || (List.of(val.split(",")).contains("srcnat") && srcnatted && reply);
                case "to-addresses", "to-ports", "jump-target" -> Boolean.TRUE;
                default -> throw new IllegalArgumentException("the oracle does not know " + e.getKey());
            };
            if (m == null) {
                return false; // out-interface before routing: can never match, negated or not
            }
            if (!e.getKey().startsWith("to-") && !e.getKey().equals("jump-target") && m == neg) {
                return false;
            }
        }
        return true;
    }

    private static boolean inSpec(String spec, long a) {
        return Ipv4.parseAddressSpec(spec).map(s -> s.contains(a)).orElse(false);
    }

    private boolean inList(String list, long a) {
        return config.addressList(list).stream().anyMatch(e -> inSpec(e.address(), a));
    }
}
