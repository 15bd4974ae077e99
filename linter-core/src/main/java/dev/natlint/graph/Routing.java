package dev.natlint.graph;

import dev.natlint.model.IpAddress;
import dev.natlint.net.IntervalSet;
import dev.natlint.net.Ipv4;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jgrapht.Graph;

/**
 * Routing decisions as queries on the topology graph. The edges that carry a {@link RouteEntry} are
 * indexed by table, prefix length and network, so a lookup costs one map probe per distinct prefix
 * length, not a scan of every route: large configs have thousands. Longest prefix picks the set of
 * candidate edges, the route preference picks one, and the path is the walk from the router to it.
 */
public final class Routing {

    /** Where a server's reply goes first: its subnet, and the LAN router on it when that is the gateway. */
    public record ServerGateway(IpAddress subnet, long lanRouter) {

        public boolean viaLanRouter() {
            return lanRouter != RouteResult.NO_GATEWAY;
        }
    }

    /** RouterOS prefers, at equal prefix: a connected route, then lower distance, then a static over a learned one. */
    private static final Comparator<Link> PREFERENCE = Comparator
            .comparingInt((Link l) -> l.route().origin() == RouteEntry.Origin.CONNECTED ? 0 : 1)
            .thenComparingInt(l -> l.route().distance())
            .thenComparingInt(l -> l.route().origin() == RouteEntry.Origin.DYNAMIC ? 1 : 0);

    private final Graph<Node, Link> graph;
    private final Node.RouterNode router;
    /** Main-table route edges: prefix length (longest first) -> network -> edges in configuration order. */
    private final TreeMap<Integer, Map<Long, List<Link>>> main = new TreeMap<>(Comparator.reverseOrder());
    /** Route edges of every table, in configuration order. */
    private final Map<String, List<Link>> byTable = new TreeMap<>();
    /** Connected subnets: prefix length (longest first) -> network -> the first router address defining it. */
    private final TreeMap<Integer, Map<Long, IpAddress>> connected = new TreeMap<>(Comparator.reverseOrder());

    private final Map<String, Node.InterfaceNode> interfaces;

    Routing(Graph<Node, Link> graph, Node.RouterNode router, Map<String, Node.InterfaceNode> interfaces) {
        this.graph = graph;
        this.router = router;
        this.interfaces = interfaces;
    }

    void index(Link l) {
        RouteEntry r = l.route();
        byTable.computeIfAbsent(r.table(), k -> new ArrayList<>()).add(l);
        if ("main".equals(r.table())) {
            main.computeIfAbsent(r.destination().length(), k -> new HashMap<>())
                    .computeIfAbsent(r.destination().network(), k -> new ArrayList<>(1)).add(l);
        }
    }

    void indexConnected(IpAddress a) {
        connected.computeIfAbsent(a.prefixLength(), k -> new HashMap<>()).putIfAbsent(a.network(), a);
    }

    // ---- queries --------------------------------------------------------------------------------

    /**
     * The other main-table routes RouterOS uses for {@code address} beside {@link #lookup}'s: same prefix
     * and distance, another interface or gateway. RouterOS spreads connections over all of them (ECMP),
     * so a verdict that follows one of them rests on that choice.
     */
    public List<RouteEntry> equalCostAlternatives(long address) {
        List<Link> candidates = candidates(address);
        if (candidates.isEmpty()) {
            return List.of();
        }
        RouteEntry best = best(candidates).route();
        List<RouteEntry> out = new ArrayList<>();
        for (Link l : candidates) {
            RouteEntry r = l.route();
            if (r != best && r.distance() == best.distance() && r.origin() != RouteEntry.Origin.CONNECTED
                    && best.origin() != RouteEntry.Origin.CONNECTED && r.origin() != RouteEntry.Origin.BLACKHOLE
                    && best.origin() != RouteEntry.Origin.BLACKHOLE
                    && !(java.util.Objects.equals(r.iface(), best.iface()) && r.gateway() == best.gateway())) {
                out.add(r);
            }
        }
        return out;
    }

    /** The main-table route edge the router uses for {@code address}: longest prefix, then preference. */
    public Optional<Link> lookup(long address) {
        List<Link> candidates = candidates(address);
        return candidates.isEmpty() ? Optional.empty() : Optional.of(best(candidates));
    }

    /** The main-table route edges of the longest prefix holding {@code address}, in configuration order. */
    private List<Link> candidates(long address) {
        for (Map.Entry<Integer, Map<Long, List<Link>>> e : main.entrySet()) {
            List<Link> candidates = e.getValue().get(address & Ipv4.mask(e.getKey()));
            if (candidates != null) {
                return candidates;
            }
        }
        return List.of();
    }

    private static Link best(List<Link> candidates) {
        Link best = candidates.get(0);
        for (Link l : candidates) {
            if (PREFERENCE.compare(l, best) < 0) {
                best = l;
            }
        }
        return best;
    }

    /**
     * Every address some main-table route covers, blackholes included: the rest have no route at all,
     * and the router drops a packet to them, a reply included (ICMP net unreachable).
     */
    public IntervalSet covered() {
        IntervalSet out = IntervalSet.empty();
        for (Map.Entry<Integer, Map<Long, List<Link>>> e : main.entrySet()) {
            for (long start : e.getValue().keySet()) {
                out = out.union(IntervalSet.of(start, start | (~Ipv4.mask(e.getKey()) & 0xFFFFFFFFL)));
            }
        }
        return out;
    }

    /** The connected subnet that holds {@code address} (longest prefix), as the router address that defines it. */
    public Optional<IpAddress> connectedSubnetOf(long address) {
        for (Map.Entry<Integer, Map<Long, IpAddress>> e : connected.entrySet()) {
            IpAddress a = e.getValue().get(address & Ipv4.mask(e.getKey()));
            if (a != null) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** The route edges of {@code table} (e.g. {@code main}, or a table policy routing marks packets for). */
    public List<Link> routes(String table) {
        return byTable.getOrDefault(table, List.of());
    }

    /** The forward path to {@code address}: router, out-interface, subnet, gateway, the network the route covers. */
    public Optional<Path> forward(long address) {
        return lookup(address).map(this::walkTo);
    }

    /**
     * The server's gateway for its replies: the router (its address on the server's subnet) when the
     * server is on a connected subnet, or the LAN router a static route reaches the server's network
     * through, which is itself on a connected subnet.
     */
    public Optional<ServerGateway> serverGateway(long server) {
        Optional<IpAddress> subnet = connectedSubnetOf(server);
        if (subnet.isPresent()) {
            return Optional.of(new ServerGateway(subnet.get(), RouteResult.NO_GATEWAY));
        }
        Optional<Link> route = lookup(server);
        if (route.isPresent() && route.get().route().origin() == RouteEntry.Origin.STATIC && !route.get().route().isDefault()
                && route.get().route().gateway() != RouteResult.NO_GATEWAY) {
            long lanRouter = route.get().route().gateway();
            return connectedSubnetOf(lanRouter).map(s -> new ServerGateway(s, lanRouter));
        }
        return Optional.empty();
    }

    /**
     * The path of a server's reply to {@code client}: from the server's network to its gateway; a LAN
     * router delivers straight to a client on its own subnet, and so does a server to a client on its
     * subnet; anything else goes through the router and out by the router's route to the client.
     */
    public Optional<Path> reply(long server, long client) {
        Optional<ServerGateway> gw = serverGateway(server);
        if (gw.isEmpty()) {
            return Optional.empty();
        }
        IpAddress s = gw.get().subnet();
        Node subnet = new Node.SubnetNode(s.network(), s.prefixLength());
        List<Path.Hop> hops = new ArrayList<>();
        Node start = subnet;
        if (gw.get().viaLanRouter()) {
            Link route = lookup(server).orElseThrow();
            start = route.to();
            hops.add(new Path.Hop(route.to(), route.from(), route));
            graph.incomingEdgesOf(route.from()).stream().filter(l -> l.kind() == Link.Kind.GATEWAY).findFirst()
                    .ifPresent(l -> hops.add(new Path.Hop(l.to(), l.from(), l)));
        }
        if (s.network() <= client && client <= s.broadcast() && client != s.address()) {
            return Optional.of(new Path(start, hops));
        }
        Node iface = null;
        for (Link l : graph.incomingEdgesOf(subnet)) {
            if (l.kind() == Link.Kind.ON_LINK && ((Node.InterfaceNode) l.from()).name().equals(s.iface())) {
                hops.add(new Path.Hop(subnet, l.from(), l));
                iface = l.from();
                break;
            }
        }
        Link has = iface == null ? null : graph.getEdge(router, iface);
        if (has != null) {
            hops.add(new Path.Hop(iface, router, has));
        }
        forward(client).ifPresent(p -> hops.addAll(p.hops()));
        return Optional.of(new Path(start, hops));
    }

    /** The walk from the router along the edges that lead to {@code route}, then along it. */
    private Path walkTo(Link route) {
        List<Path.Hop> hops = new ArrayList<>(4);
        Node from = route.from();
        if (from instanceof Node.InterfaceNode i) {
            hop(hops, router, i);
        } else if (from instanceof Node.GatewayNode g) {
            Link reach = graph.incomingEdgesOf(g).stream().filter(l -> l.kind() == Link.Kind.GATEWAY).findFirst()
                    .orElse(null);
            if (reach != null && reach.from() instanceof Node.SubnetNode s) {
                Node.InterfaceNode i = interfaces.get(g.iface());
                hop(hops, router, i);
                hop(hops, i, s);
            } else if (reach != null) {
                hop(hops, router, reach.from());
            }
            if (reach != null) {
                hops.add(new Path.Hop(reach.from(), g, reach));
            }
        }
        hops.add(new Path.Hop(route.from(), route.to(), route));
        return new Path(router, hops);
    }

    private void hop(List<Path.Hop> hops, Node from, Node to) {
        Link l = from == null || to == null ? null : graph.getEdge(from, to);
        if (l != null) {
            hops.add(new Path.Hop(from, to, l));
        }
    }
}
