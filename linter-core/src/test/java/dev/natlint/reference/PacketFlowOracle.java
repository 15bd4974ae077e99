package dev.natlint.reference;

import dev.natlint.flow.Verdict;
import dev.natlint.model.AddressListEntry;
import dev.natlint.model.BridgePort;
import dev.natlint.model.DhcpClient;
import dev.natlint.model.FirewallRule;
import dev.natlint.model.Interface;
import dev.natlint.model.InterfaceList;
import dev.natlint.model.InterfaceListMember;
import dev.natlint.model.InterfaceType;
import dev.natlint.model.IpAddress;
import dev.natlint.model.Route;
import dev.natlint.model.RouterConfig;
import dev.natlint.model.Table;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A reference model of a RouterOS router for one concrete connection, written from the packet-flow
 * description in {@code shared/docs/routeros-reference.md} (sections 2-4, 6) and the hairpin walk-through
 * in {@code seed-hairpin.md}, and nothing else of natlint: it reads the written values of the config model
 * and decides with plain comparisons, rule by rule. It shares no code with the analysis (no topology graph,
 * no packet sets, no rule matcher); its only import from the analysis is the {@link Verdict} vocabulary.
 *
 * <p>What it models, in packet-flow order, for the first packet of a new connection and its reply:
 * <ol>
 * <li>delivery: the internet delivers to the router only its own addresses; an address outside every
 *     uplink subnet might be a block the provider routes to the router, which the script cannot show
 *     (an unknown);</li>
 * <li>mangle {@code prerouting}, before dstnat (docs 2.1): the rules in order, with {@code jump}/{@code return};
 *     {@code mark-connection}, {@code mark-packet} and {@code mark-routing} set their mark ({@code no-mark}
 *     clears it) and, with {@code passthrough=no}, end the hook's mangle walk, as {@code accept} does;</li>
 * <li>the NAT {@code dstnat} chain (top to bottom, first deciding rule, {@code jump}/{@code return}, implicit
 *     return at the end of a custom chain): {@code dst-nat} with every address of a {@code to-addresses}
 *     range and, for a port outside {@code to-ports}, every port of that range (ends and middle of a range over 16),
 *     because the kernel may pick any; a port inside the range is kept (netfilter keeps an in-range tuple);</li>
 * <li>the routing decision of the main table: connected subnets of enabled addresses (an address on a bridge
 *     port belongs to the bridge), static routes (gateway resolved on a connected subnet or named interface,
 *     blackhole), the default route of a DHCP client ({@code default-route-distance}, 1 unless written) and of
 *     a PPPoE client with {@code add-default-route=yes}; longest prefix, then lowest distance; two different
 *     routes left tied are the kernel's choice (an unknown);</li>
 * <li>mangle {@code forward}, then the filter {@code forward} chain for the translated first packet (state new,
 *     NAT state dstnat);</li>
 * <li>mangle {@code postrouting}, then the NAT {@code srcnat} chain: {@code masquerade} (the out-interface's address whose subnet holds the
 *     next hop, else its first address), {@code src-nat};</li>
 * <li>the reply: the server answers the (possibly translated) source through its own gateway, the router on a
 *     connected subnet or the LAN router a static route names; it bypasses the router when that gateway
 *     delivers to the client directly. Otherwise mangle {@code prerouting} sees the reply still addressed to
 *     the translated source (NAT is undone at the NAT stage of the hook, after mangle: <b>inferred</b> from the
 *     order in docs 2.1), then routing, then mangle {@code forward} and the filter {@code forward} chain see the reply as
 *     established, from the server to the client's own address (conntrack undoes src-nat before and dst-nat
 *     after the filter), out through the interface the main table routes the client by; a reply routed out of
 *     another uplink than the client came in on is lost.</li>
 * </ol>
 * Marks (docs 2.4: set by mangle, {@code no-mark} matches unmarked): a connection mark belongs to the connection,
 * so the reply carries what the request's walk set and can change it; packet and routing marks belong to one
 * packet, so the reply starts unmarked. A routing mark on a packet at its routing decision sends it by another
 * table, which the oracle does not model (undecided).
 *
 * <p>What it leaves open, so that its answer there is "unknown" and the comparison only asks natlint not to
 * claim an exact verdict: matchers outside the list in {@link #matcher} (time, limit, rates, layer7, MAC, ...),
 * DNS names in address lists, the run-time address of a DHCP or PPPoE uplink (a world
 * per plausible lease), a provider routing a foreign block, tied routes, jump loops. What it does not model at
 * all (the generators do not produce it): the raw stage, policy routing, VRFs, {@code in-interface} in
 * srcnat, netmap/same as translations, IPv6, helpers.
 *
 * <p>The verdicts, as the oracle names them: {@code not-delivered} when the internet does not bring the packet;
 * {@code shadowed} when another rule decides the dstnat chain first (a dst-nat to another target, or any other
 * deciding action earlier in the table), {@code no-dst-nat} when nothing translates it or it is translated to a
 * router address; {@code unroutable} when the main table has no route to the target, a blackhole, or only a
 * default route while the target is a private (RFC 1918) address the provider drops; {@code filtered} when the
 * forward chain drops the request or the reply; {@code reply-bypasses-router} when the server's gateway
 * delivers the reply straight to the client, and {@code masquerade-shadowed} when, besides, a masquerade or
 * src-nat later in the srcnat walk would have matched; {@code reply-wrong-uplink} when the reply to an
 * internet client is routed out of another interface than the one it came in on; {@code no-route-back} when
 * the main table has no route at all to the client the reply is for; {@code reply-outside-router} when the target
 * lies beyond an uplink (reached by a default route) and no src-nat rewrote the source; else {@code ok}.
 *
 * <p>Unknowns and the kernel's choices are explored exhaustively: a run that meets one stops, and is re-run
 * once per value, so every combination that matters is evaluated and nothing is guessed.
 */
public final class PacketFlowOracle {

    /** A client's first packet; {@code in} is the L3 interface it arrives on. */
    public record Packet(long src, long dst, int protocol, int srcPort, int dstPort, String in, boolean fromInternet) {
    }

    /** What the router does with a packet: every verdict some combination of unknowns and choices gives. */
    public record Answer(Set<Verdict> verdicts, boolean undecided, boolean onlyKernelChoices, List<String> unknowns) {

        /** One verdict whatever is unknown. */
        public boolean definite() {
            return verdicts.size() == 1 && !undecided;
        }

        public Verdict verdict() {
            return verdicts.iterator().next();
        }
    }

    /** The run-time address of a DHCP or PPPoE uplink: {@code prefix} 32 and the peer as gateway for PPPoE. */
    public record Lease(long address, int prefix, long gateway) {
    }

    private static final Set<String> NON_TERMINAL = Set.of("passthrough", "log", "add-src-to-address-list",
            "add-dst-to-address-list", "fasttrack-connection", "mark-connection", "mark-packet", "mark-routing",
            "change-dscp", "change-mss", "change-ttl", "set-priority", "sniff-tzsp", "sniff-pc", "strip-ipv4-options");

    private static final Set<String> ARGUMENTS = Set.of("to-addresses", "to-ports", "jump-target", "log", "log-prefix",
            "address-list", "address-list-timeout", "reject-with", "passthrough", "new-connection-mark",
            "new-packet-mark", "new-routing-mark", "new-dscp", "new-mss", "new-priority", "new-ttl", "hw-offload",
            "same-not-by-dst", "place-before");

    private final RouterConfig config;
    /** Per dynamic uplink, the leases it may have: the first is a fresh address no rule mentions. */
    private final Map<String, List<Lease>> leaseCandidates;
    private final Map<String, String> bridgeOf = new LinkedHashMap<>();

    /**
     * @param leaseCandidates for each interface with a DHCP or PPPoE client, the leases to consider (at least
     *                        one); an interface missing here has no address
     */
    public PacketFlowOracle(RouterConfig config, Map<String, List<Lease>> leaseCandidates) {
        this.config = config;
        this.leaseCandidates = Map.copyOf(leaseCandidates);
        for (BridgePort p : config.bridgePorts()) {
            if (!p.disabled()) {
                bridgeOf.put(p.iface(), p.bridge());
            }
        }
    }

    // ---- exploration of unknowns and choices -------------------------------------------------------------

    /** Thrown by a run that meets a choice it has no value for yet. */
    private static final class Need extends RuntimeException {
        final String key;
        final int options;
        final boolean kernel;

        Need(String key, int options, boolean kernel) {
            super(key, null, false, false);
            this.key = key;
            this.options = options;
            this.kernel = kernel;
        }
    }

    /** Marks a run whose result the oracle cannot name (for example masquerade with no address to use). */
    private static final class Undecided extends RuntimeException {
        Undecided(String why) {
            super(why, null, false, false);
        }
    }

    /** One evaluation under fixed values for the choices met so far. */
    private final class Run {
        final Map<String, Integer> fixed;
        final Map<String, Lease> pinned;

        Run(Map<String, Integer> fixed, Map<String, Lease> pinned) {
            this.fixed = fixed;
            this.pinned = pinned;
        }

        int choose(String key, int options, boolean kernel) {
            if (options <= 1) {
                return 0;
            }
            Integer v = fixed.get(key);
            if (v == null) {
                throw new Need(key, options, kernel);
            }
            return v;
        }

        boolean unknown(String key) {
            return choose(key, 2, false) == 1;
        }
    }

    /** The verdict of {@code p} for the forward {@code intended} (a dst-nat rule), over every unknown. */
    public Answer evaluate(Packet p, FirewallRule intended) {
        return evaluate(p, intended, Map.of());
    }

    /**
     * Like {@link #evaluate(Packet, FirewallRule)}, with the leases of some uplinks fixed: a client that sends
     * to "the address of ether1" sends to whatever ether1 has.
     */
    public Answer evaluate(Packet p, FirewallRule intended, Map<String, Lease> pinned) {
        Set<Verdict> verdicts = new TreeSet<>();
        List<String> unknowns = new ArrayList<>();
        boolean[] undecided = {false};
        boolean[] onlyKernel = {true};
        Deque<Map<String, Integer>> todo = new ArrayDeque<>();
        todo.push(Map.of());
        int runs = 0;
        while (!todo.isEmpty()) {
            Map<String, Integer> fixed = todo.pop();
            if (++runs > 4096) {
                throw new IllegalStateException("too many combinations of unknowns for " + p);
            }
            try {
                Verdict v = verdict(new Run(fixed, pinned), p, intended);
                if (v != null) {
                    verdicts.add(v);
                }
            } catch (Need n) {
                if (!unknowns.contains(n.key)) {
                    unknowns.add(n.key);
                }
                onlyKernel[0] &= n.kernel;
                for (int i = n.options - 1; i >= 0; i--) {
                    Map<String, Integer> next = new LinkedHashMap<>(fixed);
                    next.put(n.key, i);
                    todo.push(next);
                }
            } catch (Undecided u) {
                undecided[0] = true;
                onlyKernel[0] = false;
                unknowns.add(u.getMessage());
            }
        }
        return new Answer(verdicts, undecided[0], onlyKernel[0] && !unknowns.isEmpty(), List.copyOf(unknowns));
    }

    // ---- the world: addresses, routes ----------------------------------------------------------------------

    private record Address(long address, int prefix, String iface) {
        long network() {
            return address & mask(prefix);
        }

        boolean holds(long a) {
            return (a & mask(prefix)) == network();
        }
    }

    private record RouteEntry(long network, int prefix, int distance, String iface, long gateway, boolean blackhole,
                              String name) {
    }

    /** The run-time addresses and routes of one combination of leases. */
    private final class World {
        final List<Address> addresses = new ArrayList<>();
        final List<RouteEntry> routes = new ArrayList<>();

        World(Run run) {
            for (IpAddress a : config.addresses()) {
                String l3 = l3(a.iface());
                if (!a.disabled() && enabled(a.iface()) && enabled(l3)) {
                    addresses.add(new Address(a.address(), a.prefixLength(), l3));
                }
            }
            Map<String, Lease> leases = new LinkedHashMap<>();
            for (String iface : new TreeSet<>(leaseCandidates.keySet())) {
                if (!dynamic(iface)) {
                    continue;
                }
                List<Lease> options = run.pinned.containsKey(iface) ? List.of(run.pinned.get(iface))
                        : leaseCandidates.get(iface);
                Lease lease = options.get(run.choose("run-time address of " + iface, options.size(), false));
                leases.put(iface, lease);
                addresses.add(new Address(lease.address(), lease.prefix(), iface));
            }
            for (Address a : addresses) {
                routes.add(new RouteEntry(a.network(), a.prefix(), 0, a.iface(), -1, false,
                        "connected " + fmt(a.network()) + "/" + a.prefix()));
            }
            leases.forEach((iface, l) -> {
                if (l.prefix() == 32) {
                    // a point-to-point link: the connected route leads to the peer
                    routes.add(new RouteEntry(l.gateway(), 32, 0, iface, -1, false, "peer of " + iface));
                }
            });
            for (Route r : config.routes()) {
                if (r.disabled() || !"main".equals(r.routingTable())) {
                    continue;
                }
                long net = r.dstAddress() & mask(r.prefixLength());
                if (r.blackhole()) {
                    routes.add(new RouteEntry(net, r.prefixLength(), r.distance(), null, -1, true, "blackhole"));
                    continue;
                }
                String gw = r.gateway() == null ? "" : r.gateway();
                long gwAddress = -1;
                String iface = null;
                int pct = gw.indexOf('%');
                if (pct >= 0) {
                    gwAddress = addr(gw.substring(0, pct));
                    iface = l3(gw.substring(pct + 1));
                } else if (addr(gw) >= 0) {
                    gwAddress = addr(gw);
                    Address on = connectedHolding(gwAddress);
                    iface = on == null ? null : on.iface();
                } else if (config.findInterface(gw).isPresent()) {
                    iface = l3(gw);
                }
                if (iface != null && enabled(iface)) {
                    routes.add(new RouteEntry(net, r.prefixLength(), r.distance(), iface, gwAddress, false,
                            "static route at line " + r.location().line()));
                }
            }
            for (DhcpClient d : config.dhcpClients()) {
                Lease l = leases.get(d.iface());
                if (!d.disabled() && d.addDefaultRoute() && l != null) {
                    routes.add(new RouteEntry(0, 0, d.defaultRouteDistance(), d.iface(), l.gateway(), false,
                            "DHCP default route on " + d.iface()));
                }
            }
            for (Interface i : config.interfaces()) {
                Lease l = leases.get(i.name());
                if (i.type() == InterfaceType.PPPOE_CLIENT && l != null
                        && "yes".equals(i.properties().get("add-default-route"))) {
                    int distance = number(i.properties().get("default-route-distance"), 1);
                    routes.add(new RouteEntry(0, 0, distance, i.name(), -1, false, "PPPoE default route on " + i.name()));
                }
            }
        }

        boolean local(long a) {
            return addresses.stream().anyMatch(x -> x.address() == a);
        }

        Address connectedHolding(long a) {
            Address best = null;
            for (Address x : addresses) {
                if (x.holds(a) && (best == null || x.prefix() > best.prefix())) {
                    best = x;
                }
            }
            return best;
        }

        /** The main table's route for {@code dst}: longest prefix, then lowest distance; null when none. */
        RouteEntry route(Run run, long dst) {
            List<RouteEntry> best = new ArrayList<>();
            for (RouteEntry r : routes) {
                if ((dst & mask(r.prefix())) != r.network()) {
                    continue;
                }
                if (best.isEmpty() || r.prefix() > best.get(0).prefix()
                        || (r.prefix() == best.get(0).prefix() && r.distance() < best.get(0).distance())) {
                    best.clear();
                    best.add(r);
                } else if (r.prefix() == best.get(0).prefix() && r.distance() == best.get(0).distance()) {
                    best.add(r);
                }
            }
            if (best.isEmpty()) {
                return null;
            }
            // a connected route and a static one to the very same subnet: the connected one (distance 0) won
            return best.get(run.choose("tied routes to " + fmt(dst), best.size(), false));
        }

        /** The address masquerade gives a connection leaving {@code iface} towards {@code nextHop}. */
        Long masqueradeAddress(String iface, long nextHop) {
            Address first = null;
            for (Address a : addresses) {
                if (!a.iface().equals(iface)) {
                    continue;
                }
                if (a.holds(nextHop)) {
                    return a.address();
                }
                if (first == null) {
                    first = a;
                }
            }
            return first == null ? null : first.address();
        }
    }

    // ---- the packet flow -------------------------------------------------------------------------------------

    /** What a rule is evaluated on: the packet as it is at that point, and what conntrack knows. */
    private record Ctx(long src, long dst, int protocol, int srcPort, int dstPort, String in, String out,
                       boolean established, boolean dstnatted, boolean srcnatted, String pass, Connection conn,
                       PacketMarks marks) {
    }

    /** What conntrack keeps for the connection besides its state: the connection mark (null: no-mark). */
    private static final class Connection {
        String mark;
    }

    /** The marks one packet carries (null: no-mark); a new packet starts with none. */
    private static final class PacketMarks {
        String packet;
        String routing;
    }

    private Verdict verdict(Run run, Packet p, FirewallRule intended) {
        World w = new World(run);
        String in = l3(p.in());
        if (p.fromInternet() && w.addresses.stream().anyMatch(a -> a.address() == p.dst() && !a.iface().equals(in)
                && isUplink(w, a.iface()))) {
            return null; // in this world the address is another uplink's: the internet delivers it there, not here
        }
        if (p.fromInternet() && !w.local(p.dst())) {
            boolean onUplinkSubnet = w.addresses.stream().anyMatch(a -> a.holds(p.dst())
                    && (isUplink(w, a.iface()) || a.iface().equals(in)));
            // on an uplink subnet, or the subnet of the link the packet came in on (an uplink without a default
            // route), the provider's gateway asks by ARP, which the router answers only for its own addresses;
            // elsewhere the provider might route a whole block to the router
            if (onUplinkSubnet || !run.unknown("the provider routes " + fmt(p.dst()) + " to the router")) {
                return Verdict.NOT_DELIVERED;
            }
        }
        // 1. prerouting: conntrack sees a new connection, the dstnat chain decides its destination
        Connection conn = new Connection();
        PacketMarks request = new PacketMarks();
        Ctx first = new Ctx(p.src(), p.dst(), p.protocol(), p.srcPort(), p.dstPort(), in, null, false, false, false,
                "dstnat", conn, request);
        mangle(run, w, "prerouting", first, "mangle prerouting (request)");
        FirewallRule d = decide(run, w, Table.NAT, "dstnat", first);
        if (d == null) {
            return Verdict.NO_DST_NAT;
        }
        if (!d.action().equals("dst-nat")) {
            return d.position() < intended.position() ? Verdict.SHADOWED : Verdict.NO_DST_NAT;
        }
        if (d != intended && !(d.get("to-addresses").equals(intended.get("to-addresses"))
                && d.get("to-ports").equals(intended.get("to-ports")))) {
            return Verdict.SHADOWED;
        }
        long target = p.dst();
        int port = p.dstPort();
        if (d.get("to-addresses").isPresent()) {
            long[] range = spec(d.get("to-addresses").get());
            if (range == null) {
                throw new Undecided("to-addresses " + d.get("to-addresses").get() + " is no address");
            }
            List<Long> picks = picks(range[0], range[1]);
            target = picks.get(run.choose("to-addresses of line " + d.location().line(), picks.size(), true));
        }
        if (d.get("to-ports").isPresent()) {
            List<long[]> ports = ports(d.get("to-ports").get());
            if (ports == null || ports.size() != 1) {
                throw new Undecided("to-ports " + d.get("to-ports").get() + " is no port range");
            }
            long lo = ports.get(0)[0];
            long hi = ports.get(0)[1];
            if (p.dstPort() < lo || p.dstPort() > hi) {
                List<Long> picks = picks(lo, hi);
                port = (int) (long) picks.get(run.choose("to-ports of line " + d.location().line() + " for port "
                        + p.dstPort(), picks.size(), true));
            }
        }
        boolean dstnatted = target != p.dst() || port != p.dstPort();
        if (w.local(target)) {
            return Verdict.NO_DST_NAT; // the router's own address: the packet goes to input, no forward
        }
        // 2. routing decision on the translated destination
        unmarkedForRouting(request, "request");
        RouteEntry route = w.route(run, target);
        if (route == null || route.blackhole() || (route.prefix() == 0 && rfc1918(target))) {
            // a private address sent to the provider is dropped there
            return Verdict.UNROUTABLE;
        }
        String out = route.iface();
        long nextHop = route.gateway() >= 0 ? route.gateway() : target;
        // 3. forward: the filter sees the translated destination and the original source
        Ctx fwd = new Ctx(p.src(), target, p.protocol(), p.srcPort(), port, in, out, false, dstnatted, false,
                "forward (request)", conn, request);
        mangle(run, w, "forward", fwd, "mangle forward (request)");
        FirewallRule f = decide(run, w, Table.FILTER, "forward", fwd);
        if (f != null && drops(f.action())) {
            return Verdict.FILTERED;
        }
        // 4. postrouting: srcnat
        Ctx post = new Ctx(p.src(), target, p.protocol(), p.srcPort(), port, in, out, false, dstnatted, false, "srcnat",
                conn, request);
        mangle(run, w, "postrouting", post, "mangle postrouting (request)");
        FirewallRule s = decide(run, w, Table.NAT, "srcnat", post);
        long source = p.src();
        if (s != null && s.action().equals("masquerade")) {
            Long a = w.masqueradeAddress(out, nextHop);
            if (a == null) {
                throw new Undecided("masquerade on " + out + ", which has no address");
            }
            source = a;
        } else if (s != null && s.action().equals("src-nat")) {
            long[] range = s.get("to-addresses").map(PacketFlowOracle::spec).orElse(null);
            if (range == null) {
                throw new Undecided("src-nat without a usable to-addresses");
            }
            List<Long> picks = picks(range[0], range[1]);
            source = picks.get(run.choose("src-nat to-addresses of line " + s.location().line(), picks.size(), true));
        } else if (s != null && !s.action().equals("accept")) {
            throw new Undecided("srcnat action " + s.action() + " is not modelled");
        }
        boolean srcnatted = source != p.src();
        // 5. the reply: the server answers `source` through its own gateway
        Address serverNet = w.connectedHolding(target);
        if (serverNet == null && route.prefix() == 0 && !srcnatted && isUplink(w, route.iface())) {
            // a server beyond an uplink has a gateway of its own on the internet: it answers the client's address
            // there, and the reply never meets this router's connection tracking
            return Verdict.REPLY_OUTSIDE_ROUTER;
        }
        long lanRouter = -1;
        if (serverNet == null && route.prefix() > 0 && route.gateway() >= 0) {
            lanRouter = route.gateway();
            serverNet = w.connectedHolding(lanRouter);
        }
        if (serverNet != null && serverNet.holds(source) && !w.local(source)) {
            // the gateway delivers to the client itself (or is the client, a LAN router connecting to the public
            // address): the client gets a reply from the server's address
            if (srcnatted || s == null) {
                return Verdict.REPLY_BYPASSES_ROUTER;
            }
            return hairpinMasqueradeAfter(run, w, post, s) ? Verdict.MASQUERADE_SHADOWED : Verdict.REPLY_BYPASSES_ROUTER;
        }
        // the reply enters on the request's way out, still addressed to the translated source
        PacketMarks replyMarks = new PacketMarks();
        mangle(run, w, "prerouting", new Ctx(target, source, p.protocol(), port, p.srcPort(), out, null, true, dstnatted,
                srcnatted, "prerouting (reply)", conn, replyMarks), "mangle prerouting (reply)");
        unmarkedForRouting(replyMarks, "reply");
        RouteEntry back = w.route(run, p.src());
        if (back == null) {
            // the reply's routing decision finds nothing: the router drops it before the forward chain
            return Verdict.NO_ROUTE_BACK;
        }
        if (back.blackhole()) {
            throw new Undecided("blackhole route back to " + fmt(p.src()));
        }
        Ctx reply = new Ctx(target, p.src(), p.protocol(), port, p.srcPort(), out, back.iface(), true, dstnatted,
                srcnatted, "forward (reply)", conn, replyMarks);
        mangle(run, w, "forward", reply, "mangle forward (reply)");
        FirewallRule r = decide(run, w, Table.FILTER, "forward", reply);
        if (r != null && drops(r.action())) {
            return Verdict.FILTERED;
        }
        if (p.fromInternet() && !back.iface().equals(in)) {
            return Verdict.REPLY_WRONG_UPLINK;
        }
        return Verdict.OK;
    }

    // ---- mangle ----------------------------------------------------------------------------------------------

    /** How a mangle walk ends: the chain ran out or returned, or the hook is done with the mangle table. */
    private enum MangleEnd { FELL_THROUGH, DONE }

    private static final Set<String> MANGLE_NON_TERMINAL = Set.of("passthrough", "log", "add-src-to-address-list",
            "add-dst-to-address-list", "change-dscp", "change-mss", "change-ttl", "set-priority", "sniff-tzsp",
            "sniff-pc", "strip-ipv4-options", "clear-df");

    /** One hook's mangle chain on the packet of {@code ctx}: the marks it sets stay on {@code ctx}'s connection and packet. */
    private void mangle(Run run, World w, String chain, Ctx ctx, String pass) {
        Ctx here = new Ctx(ctx.src(), ctx.dst(), ctx.protocol(), ctx.srcPort(), ctx.dstPort(), ctx.in(), ctx.out(),
                ctx.established(), ctx.dstnatted(), ctx.srcnatted(), pass, ctx.conn(), ctx.marks());
        mangleWalk(run, w, chain, here, new ArrayDeque<>());
    }

    private MangleEnd mangleWalk(Run run, World w, String chain, Ctx ctx, Deque<String> callers) {
        callers.push(chain);
        try {
            for (FirewallRule r : config.rules(Table.MANGLE)) {
                if (r.disabled() || !r.chain().equals(chain) || !matches(run, w, r, ctx)) {
                    continue;
                }
                String action = r.action();
                switch (action) {
                    case "mark-connection" -> ctx.conn().mark = newMark(r, "new-connection-mark");
                    case "mark-packet" -> ctx.marks().packet = newMark(r, "new-packet-mark");
                    case "mark-routing" -> ctx.marks().routing = newMark(r, "new-routing-mark");
                    case "accept" -> {
                        return MangleEnd.DONE;
                    }
                    case "return" -> {
                        return MangleEnd.FELL_THROUGH;
                    }
                    case "jump" -> {
                        String target = r.get("jump-target").orElse("");
                        if (callers.contains(target)) {
                            throw new Undecided("mangle jump loop into " + target);
                        }
                        if (mangleWalk(run, w, target, ctx, callers) == MangleEnd.DONE) {
                            return MangleEnd.DONE;
                        }
                        continue;
                    }
                    default -> {
                        if (!MANGLE_NON_TERMINAL.contains(action)) {
                            throw new Undecided("mangle action " + action + " is not modelled");
                        }
                        continue;
                    }
                }
                // a mark action: passthrough=no leaves the mangle table once the mark is set
                if (r.get("passthrough").orElse("yes").equals("no")) {
                    return MangleEnd.DONE;
                }
            }
            return MangleEnd.FELL_THROUGH;
        } finally {
            callers.pop();
        }
    }

    /** The mark a mark action sets; null for {@code no-mark}, which clears it. */
    private static String newMark(FirewallRule r, String property) {
        String v = r.get(property).orElseThrow(() -> new Undecided(r.action() + " without " + property
                + " at line " + r.location().line()));
        return v.equals("no-mark") ? null : v;
    }

    /** Routing by a routing mark's table is policy routing, which the oracle does not model. */
    private static void unmarkedForRouting(PacketMarks marks, String which) {
        if (marks.routing != null) {
            throw new Undecided("routing mark " + marks.routing + " on the " + which + ": policy routing is not modelled");
        }
    }

    /** Whether {@code iface} carries a default route in this world (an uplink). */
    private static boolean isUplink(World w, String iface) {
        return w.routes.stream().anyMatch(r -> r.prefix() == 0 && iface.equals(r.iface()));
    }

    /**
     * Whether the srcnat walk, had {@code taken} not decided, would have met a masquerade or src-nat that
     * matches: then the hairpin rule exists but an earlier rule took the connection first.
     */
    private boolean hairpinMasqueradeAfter(Run run, World w, Ctx ctx, FirewallRule taken) {
        List<FirewallRule> met = new ArrayList<>();
        walkAll(run, w, Table.NAT, "srcnat", ctx, met, new ArrayDeque<>());
        int at = met.indexOf(taken);
        for (int i = at + 1; i < met.size(); i++) {
            String a = met.get(i).action();
            if (a.equals("masquerade") || a.equals("src-nat")) {
                return true;
            }
        }
        return false;
    }

    /** Every matching rule in evaluation order, as if no rule ended the chain ({@code jump}/{@code return} kept). */
    private boolean walkAll(Run run, World w, Table table, String chain, Ctx ctx, List<FirewallRule> met,
                            Deque<String> callers) {
        callers.push(chain);
        try {
            for (FirewallRule r : config.rules(table)) {
                if (r.disabled() || !r.chain().equals(chain) || !matches(run, w, r, ctx)) {
                    continue;
                }
                met.add(r);
                if (r.action().equals("return")) {
                    return true;
                }
                if (r.action().equals("jump")) {
                    String target = r.get("jump-target").orElse("");
                    if (callers.contains(target)) {
                        throw new Undecided("jump loop into " + target);
                    }
                    walkAll(run, w, table, target, ctx, met, callers);
                }
            }
            return false;
        } finally {
            callers.pop();
        }
    }

    /** The rule that decides {@code ctx} in a chain (jumps followed), or null when none does. */
    private FirewallRule decide(Run run, World w, Table table, String chain, Ctx ctx) {
        Object r = walk(run, w, table, chain, ctx, new ArrayDeque<>());
        return r instanceof FirewallRule fr ? fr : null;
    }

    private static final Object RETURNED = new Object();

    private Object walk(Run run, World w, Table table, String chain, Ctx ctx, Deque<String> callers) {
        callers.push(chain);
        try {
            for (FirewallRule r : config.rules(table)) {
                if (r.disabled() || !r.chain().equals(chain) || !matches(run, w, r, ctx)) {
                    continue;
                }
                String action = r.action();
                if (NON_TERMINAL.contains(action)) {
                    continue;
                }
                if (action.equals("return")) {
                    return RETURNED;
                }
                if (action.equals("jump")) {
                    String target = r.get("jump-target").orElse("");
                    if (callers.contains(target)) {
                        throw new Undecided("jump loop into " + target);
                    }
                    Object sub = walk(run, w, table, target, ctx, callers);
                    if (sub instanceof FirewallRule) {
                        return sub;
                    }
                    continue;
                }
                return r;
            }
            return null;
        } finally {
            callers.pop();
        }
    }

    private static boolean drops(String action) {
        return action.equals("drop") || action.equals("reject") || action.equals("tarpit");
    }

    // ---- matchers --------------------------------------------------------------------------------------------

    /** All matchers of a rule on one packet: the modelled ones first, then each unmodelled one is an unknown. */
    private boolean matches(Run run, World w, FirewallRule r, Ctx c) {
        List<String> open = new ArrayList<>();
        for (Map.Entry<String, String> e : r.properties().entrySet()) {
            String name = e.getKey();
            if (ARGUMENTS.contains(name)) {
                continue;
            }
            String written = e.getValue();
            boolean neg = written.startsWith("!");
            String v = neg ? written.substring(1) : written;
            Boolean m = matcher(run, w, name, v, c, r, open);
            if (m == null) {
                open.add(name + "=" + written);
                continue;
            }
            if (m == neg) {
                return false;
            }
        }
        for (String o : open) {
            if (!run.unknown(o + " (line " + r.location().line() + ", " + c.pass() + ")")) {
                return false;
            }
        }
        return true;
    }

    /**
     * One matcher, before negation: true or false, or null when it is not modelled. Interface matchers see
     * the L3 interface (docs 2.4); {@code out-interface} before routing never matches (docs 2.1).
     */
    private Boolean matcher(Run run, World w, String name, String v, Ctx c, FirewallRule r, List<String> open) {
        switch (name) {
            case "src-address":
                return inSpec(v, c.src());
            case "dst-address":
                return inSpec(v, c.dst());
            case "src-address-list":
                return inList(run, v, c.src());
            case "dst-address-list":
                return inList(run, v, c.dst());
            case "dst-address-type":
                return addressType(w, v, c.dst());
            case "src-address-type":
                return addressType(w, v, c.src());
            case "protocol": {
                int n = protocol(v);
                return n >= 0 && n == c.protocol();
            }
            case "dst-port":
                return inPorts(v, c.dstPort()) && hasPorts(c);
            case "src-port":
                return inPorts(v, c.srcPort()) && hasPorts(c);
            case "port":
                return (inPorts(v, c.dstPort()) || inPorts(v, c.srcPort())) && hasPorts(c);
            case "in-interface":
                return v.equals(c.in());
            case "out-interface":
                return c.out() != null && v.equals(c.out());
            case "in-interface-list":
                return members(v).contains(c.in());
            case "out-interface-list":
                return c.out() != null && members(v).contains(c.out());
            case "connection-state":
                return List.of(v.split(",")).contains(c.established() ? "established" : "new");
            case "connection-nat-state": {
                boolean any = false;
                for (String s : v.split(",")) {
                    any |= (s.equals("dstnat") && c.dstnatted()) || (s.equals("srcnat") && c.srcnatted());
                }
                return any;
            }
            case "ipsec-policy":
                // no IPsec anywhere in these routers: "none" holds, "ipsec" never
                return v.endsWith(",none");
            case "connection-mark":
                return isMark(v, c.conn().mark);
            case "packet-mark":
                return isMark(v, c.marks().packet);
            case "routing-mark":
                return isMark(v, c.marks().routing);
            default:
                return null;
        }
    }

    private static boolean hasPorts(Ctx c) {
        return c.protocol() == 6 || c.protocol() == 17;
    }

    /** A mark matcher's value against the mark the packet or connection carries (null: none). */
    private static boolean isMark(String v, String mark) {
        return v.equals("no-mark") ? mark == null : v.equals(mark);
    }

    private Boolean addressType(World w, String v, long a) {
        boolean any = false;
        for (String t : v.split(",")) {
            switch (t) {
                case "local" -> any |= w.local(a);
                case "multicast" -> any |= (a >>> 28) == 0xE;
                case "broadcast" -> any |= a == 0xFFFFFFFFL || w.addresses.stream()
                        .anyMatch(x -> x.prefix() < 31 && (x.network() | ~mask(x.prefix()) & 0xFFFFFFFFL) == a);
                case "unicast" -> any |= (a >>> 28) != 0xE && a != 0xFFFFFFFFL && w.addresses.stream()
                        .noneMatch(x -> x.prefix() < 31 && (x.network() | ~mask(x.prefix()) & 0xFFFFFFFFL) == a);
                default -> {
                    return null;
                }
            }
        }
        return any;
    }

    private static boolean inSpec(String v, long a) {
        long[] s = spec(v);
        return s != null && s[0] <= a && a <= s[1];
    }

    /** Static entries decide; a DNS-name entry resolves to addresses the script does not show (an unknown). */
    private boolean inList(Run run, String list, long a) {
        for (AddressListEntry e : config.addressListEntries()) {
            if (e.disabled() || !e.list().equals(list)) {
                continue;
            }
            long[] s = spec(e.address());
            if (s != null) {
                if (s[0] <= a && a <= s[1]) {
                    return true;
                }
            } else if (run.unknown("DNS name " + e.address() + " of list " + list + " resolves to " + fmt(a))) {
                return true;
            }
        }
        return false;
    }

    /** Interface list members (docs 3.5): builtins, includes minus excludes, plus static members. */
    private Set<String> members(String list) {
        return members(list, new ArrayDeque<>());
    }

    private Set<String> members(String list, Deque<String> seen) {
        Set<String> out = new LinkedHashSet<>();
        switch (list) {
            case "all", "static" -> {
                config.interfaces().forEach(i -> out.add(i.name()));
                return out;
            }
            case "none", "dynamic" -> {
                return out;
            }
            default -> { }
        }
        if (seen.contains(list)) {
            return out;
        }
        seen.push(list);
        for (InterfaceList l : config.interfaceLists()) {
            if (l.name().equals(list)) {
                l.include().forEach(x -> out.addAll(members(x, seen)));
                l.exclude().forEach(x -> out.removeAll(members(x, seen)));
            }
        }
        for (InterfaceListMember m : config.interfaceListMembers()) {
            if (!m.disabled() && m.list().equals(list)) {
                out.add(m.iface());
            }
        }
        seen.pop();
        return out;
    }

    // ---- interfaces ------------------------------------------------------------------------------------------

    /** The L3 interface carrying {@code name}: the bridge of a bridge port, else itself. */
    private String l3(String name) {
        String n = name;
        for (int i = 0; i < 4 && bridgeOf.containsKey(n); i++) {
            n = bridgeOf.get(n);
        }
        return n;
    }

    private boolean enabled(String name) {
        return config.findInterface(name).map(i -> !i.disabled()).orElse(true);
    }

    /** Whether {@code iface} gets its address at run time (an enabled DHCP client, or a PPPoE client). */
    private boolean dynamic(String iface) {
        boolean dhcp = config.dhcpClients().stream().anyMatch(d -> !d.disabled() && d.iface().equals(iface));
        boolean pppoe = config.findInterface(iface).map(i -> i.type() == InterfaceType.PPPOE_CLIENT && !i.disabled())
                .orElse(false);
        return dhcp || pppoe;
    }

    // ---- literals --------------------------------------------------------------------------------------------

    /** Every value of a range of up to 16, else its ends and its middle. */
    public static List<Long> picks(long lo, long hi) {
        List<Long> out = new ArrayList<>();
        if (hi - lo < 16) {
            for (long x = lo; x <= hi; x++) {
                out.add(x);
            }
        } else {
            out.add(lo);
            out.add(lo + (hi - lo) / 2);
            out.add(hi);
        }
        return out;
    }

    public static long mask(int prefix) {
        return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }

    public static boolean rfc1918(long a) {
        return (a >>> 24) == 10 || (a >>> 20) == ((172L << 4) | 1) || (a >>> 16) == ((192L << 8) | 168);
    }

    /** A dotted quad, or -1. */
    public static long addr(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return -1;
        }
        long v = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
                return -1;
            }
            int n = Integer.parseInt(part);
            if (n > 255) {
                return -1;
            }
            v = v << 8 | n;
        }
        return v;
    }

    /** {@code a}, {@code a/len} or {@code a-b} as {lo, hi}; null when it is none of them (a DNS name). */
    public static long[] spec(String s) {
        int slash = s.indexOf('/');
        int dash = s.indexOf('-');
        if (slash >= 0) {
            long a = addr(s.substring(0, slash));
            String len = s.substring(slash + 1);
            if (a < 0 || len.isEmpty() || !len.chars().allMatch(Character::isDigit) || Integer.parseInt(len) > 32) {
                return null;
            }
            long m = mask(Integer.parseInt(len));
            return new long[] {a & m, (a & m) | (~m & 0xFFFFFFFFL)};
        }
        if (dash >= 0) {
            long a = addr(s.substring(0, dash));
            long b = addr(s.substring(dash + 1));
            return a < 0 || b < 0 || b < a ? null : new long[] {a, b};
        }
        long a = addr(s);
        return a < 0 ? null : new long[] {a, a};
    }

    /** {@code 80,443,8000-8080} as intervals; null when malformed. */
    public static List<long[]> ports(String s) {
        List<long[]> out = new ArrayList<>();
        for (String part : s.split(",")) {
            String[] ends = part.split("-", -1);
            if (ends.length > 2) {
                return null;
            }
            for (String e : ends) {
                if (e.isEmpty() || e.length() > 5 || !e.chars().allMatch(Character::isDigit) || Long.parseLong(e) > 65535) {
                    return null;
                }
            }
            long lo = Long.parseLong(ends[0]);
            long hi = Long.parseLong(ends[ends.length - 1]);
            if (hi < lo) {
                return null;
            }
            out.add(new long[] {lo, hi});
        }
        return out;
    }

    private static boolean inPorts(String v, int port) {
        List<long[]> ps = ports(v);
        return ps != null && ps.stream().anyMatch(p -> p[0] <= port && port <= p[1]);
    }

    public static int protocol(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "tcp" -> 6;
            case "udp" -> 17;
            case "icmp" -> 1;
            case "gre" -> 47;
            default -> v.chars().allMatch(Character::isDigit) && !v.isEmpty() && v.length() <= 3
                    && Integer.parseInt(v) <= 255 ? Integer.parseInt(v) : -1;
        };
    }

    private static int number(String v, int otherwise) {
        return v != null && !v.isEmpty() && v.length() <= 3 && v.chars().allMatch(Character::isDigit)
                ? Integer.parseInt(v) : otherwise;
    }

    public static String fmt(long a) {
        return (a >>> 24 & 255) + "." + (a >>> 16 & 255) + "." + (a >>> 8 & 255) + "." + (a & 255);
    }
}
