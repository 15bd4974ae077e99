package dev.natlint.graph;

import dev.natlint.model.ConfigItem;
import dev.natlint.model.DhcpClient;
import dev.natlint.model.Interface;
import dev.natlint.model.InterfaceType;
import dev.natlint.model.IpAddress;
import dev.natlint.model.Route;
import dev.natlint.model.RouterConfig;
import dev.natlint.net.Ipv4;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jgrapht.Graph;
import org.jgrapht.Graphs;
import org.jgrapht.graph.DirectedMultigraph;

/**
 * The router as a graph: interfaces, the L2 membership of ports in bridges, connected subnets, static
 * routes and the internet. Built once per configuration; the flow analysis asks it where packets go.
 */
public final class Topology {

    private final RouterConfig config;
    private final Graph<Node, Link> graph = new DirectedMultigraph<>(Link.class);
    private final Map<String, Node.InterfaceNode> interfaces = new TreeMap<>();
    private final List<IpAddress> routerAddresses = new ArrayList<>();
    private final Map<String, Role> roles = new TreeMap<>();
    private final List<StaticRoute> staticRoutes = new ArrayList<>();
    private final Set<String> dynamicAddressInterfaces = new TreeSet<>();
    private final Node.InternetNode internet = new Node.InternetNode();

    /** A usable route with its egress interface resolved. */
    private record StaticRoute(long network, int prefixLength, String iface, boolean blackhole, Route route) {
    }

    private Topology(RouterConfig config) {
        this.config = config;
    }

    public static Topology of(RouterConfig config) {
        Topology t = new Topology(config);
        t.build();
        return t;
    }

    public RouterConfig config() {
        return config;
    }

    public Graph<Node, Link> graph() {
        return graph;
    }

    // ---- construction ---------------------------------------------------------------------------

    private void build() {
        graph.addVertex(internet);
        Set<String> slaves = new TreeSet<>();
        config.bridgePorts().stream().filter(p -> !p.disabled()).forEach(p -> slaves.add(p.iface()));
        config.interfaces().stream().filter(i -> i.type() == InterfaceType.BONDING)
                .forEach(b -> b.property("slaves").ifPresent(s -> slaves.addAll(List.of(s.split(",")))));
        for (Interface i : config.interfaces()) {
            Node.InterfaceNode n = new Node.InterfaceNode(i.name(), i.type(), !slaves.contains(i.name()));
            interfaces.put(i.name(), n);
            graph.addVertex(n);
        }
        config.bridgePorts().stream().filter(p -> !p.disabled()).forEach(p -> link(p.iface(), p.bridge(),
                Link.Kind.MEMBER_OF));
        config.interfaces().stream().filter(i -> i.type() == InterfaceType.BONDING).forEach(b -> b.property("slaves")
                .ifPresent(s -> List.of(s.split(",")).forEach(slave -> link(slave, b.name(), Link.Kind.MEMBER_OF))));
        config.interfaces().stream().filter(i -> i.parent() != null)
                .forEach(i -> link(i.name(), i.parent(), Link.Kind.RUNS_ON));
        for (IpAddress a : config.addresses()) {
            String owner = l3Owner(a.iface());
            if (a.disabled() || owner == null || isDisabled(owner)) {
                continue;
            }
            IpAddress onL3 = new IpAddress(a.address(), a.prefixLength(), owner, false, a.location());
            routerAddresses.add(onL3);
            Node.SubnetNode subnet = new Node.SubnetNode(onL3.network(), onL3.prefixLength());
            graph.addVertex(subnet);
            graph.addEdge(interfaces.get(owner), subnet, new Link(interfaces.get(owner), subnet, Link.Kind.ON_LINK));
        }
        for (DhcpClient d : config.dhcpClients()) {
            if (!d.disabled() && interfaces.containsKey(d.iface())) {
                dynamicAddressInterfaces.add(d.iface());
            }
        }
        config.interfaces().stream().filter(i -> i.type() == InterfaceType.PPPOE_CLIENT && !i.disabled())
                .forEach(i -> dynamicAddressInterfaces.add(i.name()));
        resolveRoutes();
        classify();
        roles.values().stream().filter(r -> r.kind() == Role.Kind.WAN).forEach(r -> graph.addEdge(
                interfaces.get(r.iface()), internet, new Link(interfaces.get(r.iface()), internet, Link.Kind.UPLINK)));
    }

    private void link(String from, String to, Link.Kind kind) {
        Node.InterfaceNode a = interfaces.get(from);
        Node.InterfaceNode b = interfaces.get(to);
        // an interface on itself (a VLAN named like its parent, found by fuzzing) is meaningless: no edge
        if (a != null && b != null && !a.equals(b)) {
            graph.addEdge(a, b, new Link(a, b, kind));
        }
    }

    /** The L3 interface that carries traffic of {@code name}: itself, or the bridge/bond it is a member of. */
    public String l3Owner(String name) {
        Node.InterfaceNode n = interfaces.get(name);
        for (int hops = 0; n != null && !n.l3() && hops < 8; hops++) {
            Node.InterfaceNode current = n;
            n = graph.outgoingEdgesOf(current).stream().filter(e -> e.kind() == Link.Kind.MEMBER_OF)
                    .map(e -> (Node.InterfaceNode) e.to()).findFirst().orElse(null);
        }
        return n == null || !n.l3() ? null : n.name();
    }

    private boolean isDisabled(String name) {
        return config.findInterface(name).map(Interface::disabled).orElse(false);
    }

    private void resolveRoutes() {
        for (Route r : config.routes()) {
            if (r.disabled() || !"main".equals(r.routingTable())) {
                continue;
            }
            if (r.blackhole()) {
                staticRoutes.add(new StaticRoute(r.dstAddress(), r.prefixLength(), null, true, r));
                continue;
            }
            egressOfGateway(r.gateway()).ifPresent(iface -> {
                long network = r.prefixLength() == 0 ? 0 : r.dstAddress() & (0xFFFFFFFFL << (32 - r.prefixLength()));
                staticRoutes.add(new StaticRoute(network & 0xFFFFFFFFL, r.prefixLength(), iface, false, r));
                if (r.prefixLength() > 0) {
                    Node.SubnetNode net = new Node.SubnetNode(network & 0xFFFFFFFFL, r.prefixLength());
                    graph.addVertex(net);
                    graph.addEdge(interfaces.get(iface), net, new Link(interfaces.get(iface), net, Link.Kind.ROUTE));
                }
            });
        }
    }

    /** The next-hop address of a gateway value ({@code 10.0.0.1}, {@code 10.0.0.1%ether1}), or none. */
    private static long gatewayAddress(String gateway) {
        if (gateway == null || gateway.isEmpty()) {
            return RouteResult.NO_GATEWAY;
        }
        String first = gateway.split(",")[0];
        int cut = first.indexOf('%') >= 0 ? first.indexOf('%') : first.indexOf('@');
        return Ipv4.parse(cut >= 0 ? first.substring(0, cut) : first).orElse(RouteResult.NO_GATEWAY);
    }

    /** The interface a route's gateway value leads out of, as the main table would resolve it. */
    public Optional<String> egressOf(String gateway) {
        return egressOfGateway(gateway);
    }

    /** The interface a gateway value ({@code 10.0.0.1}, {@code ether1}, {@code 10.0.0.1%ether1}) leads out of. */
    private Optional<String> egressOfGateway(String gateway) {
        if (gateway == null || gateway.isEmpty()) {
            return Optional.empty();
        }
        String first = gateway.split(",")[0];
        int pct = first.indexOf('%');
        if (pct >= 0) {
            return Optional.ofNullable(l3Owner(first.substring(pct + 1)));
        }
        int at = first.indexOf('@');
        String target = at >= 0 ? first.substring(0, at) : first;
        Optional<Long> ip = Ipv4.parse(target);
        if (ip.isPresent()) {
            return connectedInterface(ip.get());
        }
        return Optional.ofNullable(l3Owner(target));
    }

    private Optional<String> connectedInterface(long address) {
        return routerAddresses.stream()
                .filter(a -> contains(a.network(), a.prefixLength(), address))
                .max(Comparator.comparingInt(IpAddress::prefixLength))
                .map(IpAddress::iface);
    }

    private void classify() {
        Map<String, List<String>> wan = new LinkedHashMap<>();
        Map<String, List<String>> lan = new LinkedHashMap<>();
        for (String list : config.interfaceLists().stream().map(l -> l.name()).toList()) {
            String lower = list.toLowerCase(Locale.ROOT);
            boolean isWan = lower.contains("wan") || lower.contains("isp") || lower.contains("internet");
            boolean isLan = !isWan && lower.contains("lan");
            if (!isWan && !isLan) {
                continue;
            }
            for (String member : config.interfaceListMembers(list)) {
                String l3 = l3Owner(member);
                if (l3 != null && l3.equals(member)) {
                    (isWan ? wan : lan).computeIfAbsent(member, k -> new ArrayList<>()).add("member of interface list " + list);
                }
            }
        }
        for (DhcpClient d : config.dhcpClients()) {
            if (!d.disabled() && interfaces.containsKey(d.iface())) {
                wan.computeIfAbsent(d.iface(), k -> new ArrayList<>()).add("has a DHCP client");
            }
        }
        config.interfaces().stream().filter(i -> i.type() == InterfaceType.PPPOE_CLIENT && !i.disabled())
                .forEach(i -> wan.computeIfAbsent(i.name(), k -> new ArrayList<>()).add("is a PPPoE client"));
        config.interfaces().stream().filter(i -> i.type() == InterfaceType.LTE && !i.disabled())
                .forEach(i -> wan.computeIfAbsent(i.name(), k -> new ArrayList<>()).add("is an LTE modem"));
        staticRoutes.stream().filter(r -> r.prefixLength() == 0 && !r.blackhole())
                .forEach(r -> wan.computeIfAbsent(r.iface(), k -> new ArrayList<>())
                        .add("default route at line " + r.route().location().line()));
        // a DHCP server hands out addresses to hosts behind the interface: a LAN, whatever its addresses look like
        for (ConfigItem server : config.items("/ip dhcp-server")) {
            String iface = server.get("interface").map(this::l3Owner).orElse(null);
            if (!server.disabled() && iface != null) {
                lan.computeIfAbsent(iface, k -> new ArrayList<>()).add("runs a DHCP server");
            }
        }
        for (IpAddress a : routerAddresses) {
            if (Ipv4.isPrivate(a.address())) {
                lan.computeIfAbsent(a.iface(), k -> new ArrayList<>()).add("has private address "
                        + Ipv4.format(a.address()) + "/" + a.prefixLength());
            } else {
                wan.computeIfAbsent(a.iface(), k -> new ArrayList<>()).add("has public address "
                        + Ipv4.format(a.address()) + "/" + a.prefixLength());
            }
        }
        for (Node.InterfaceNode n : interfaces.values()) {
            if (!n.l3()) {
                continue;
            }
            List<String> w = wan.getOrDefault(n.name(), List.of());
            List<String> l = lan.getOrDefault(n.name(), List.of());
            Role.Kind kind;
            List<String> evidence;
            // list membership is the user's own statement, so it outranks everything we infer
            boolean wanList = w.stream().anyMatch(s -> s.startsWith("member of"));
            boolean lanList = l.stream().anyMatch(s -> s.startsWith("member of"));
            if (wanList || (!lanList && w.stream().anyMatch(s -> !s.startsWith("has public")))) {
                kind = Role.Kind.WAN;
                evidence = w;
            } else if (!l.isEmpty()) {
                kind = Role.Kind.LAN;
                evidence = l;
            } else if (!w.isEmpty()) {
                kind = Role.Kind.WAN;
                evidence = w;
            } else {
                kind = Role.Kind.NONE;
                evidence = List.of("no address, list membership or uplink");
            }
            roles.put(n.name(), new Role(n.name(), kind, evidence));
        }
    }

    // ---- queries --------------------------------------------------------------------------------

    /** L3 interfaces, sorted by name. */
    public List<String> l3Interfaces() {
        return interfaces.values().stream().filter(Node.InterfaceNode::l3).map(Node.InterfaceNode::name).toList();
    }

    /** Every interface name the configuration knows (including ports), sorted. */
    public List<String> allInterfaces() {
        return List.copyOf(interfaces.keySet());
    }

    public Role role(String iface) {
        return roles.getOrDefault(iface, new Role(iface, Role.Kind.NONE, List.of("not an L3 interface")));
    }

    public List<Role> roles() {
        return List.copyOf(roles.values());
    }

    public List<String> wanInterfaces() {
        return roles.values().stream().filter(r -> r.kind() == Role.Kind.WAN).map(Role::iface).toList();
    }

    public List<String> lanInterfaces() {
        return roles.values().stream().filter(r -> r.kind() == Role.Kind.LAN).map(Role::iface).toList();
    }

    /** Enabled router addresses, each on its L3 interface (an address on a bridge port counts for the bridge). */
    public List<IpAddress> routerAddresses() {
        return List.copyOf(routerAddresses);
    }

    public List<IpAddress> addressesOn(String iface) {
        return routerAddresses.stream().filter(a -> a.iface().equals(iface)).toList();
    }

    /** Interfaces whose address is assigned at run time (DHCP client, PPPoE client), sorted. */
    public Set<String> dynamicAddressInterfaces() {
        return dynamicAddressInterfaces;
    }

    /** The connected subnet that contains {@code address}, if any, as the router address that defines it. */
    public Optional<IpAddress> connectedSubnetOf(long address) {
        return routerAddresses.stream().filter(a -> contains(a.network(), a.prefixLength(), address))
                .max(Comparator.comparingInt(IpAddress::prefixLength));
    }

    public boolean isRouterAddress(long address) {
        return routerAddresses.stream().anyMatch(a -> a.address() == address);
    }

    /**
     * The routing decision for {@code address} in the main table: longest prefix wins among connected
     * subnets and static routes; dynamic default routes from DHCP or PPPoE clients count as well.
     */
    public Optional<RouteResult> route(long address) {
        Optional<IpAddress> connected = connectedSubnetOf(address);
        Optional<StaticRoute> viaStatic = staticRoutes.stream()
                .filter(r -> contains(r.network(), r.prefixLength(), address))
                .max(Comparator.comparingInt(StaticRoute::prefixLength)
                        .thenComparing(r -> -r.route().distance()));
        if (connected.isPresent() && (viaStatic.isEmpty() || viaStatic.get().prefixLength() <= connected.get().prefixLength())) {
            IpAddress a = connected.get();
            return Optional.of(new RouteResult(a.iface(), RouteResult.Via.CONNECTED, "connected subnet "
                    + Ipv4.format(a.network()) + "/" + a.prefixLength() + " on " + a.iface()));
        }
        Optional<DynamicDefault> dynamic = dynamicDefault();
        // a default route from DHCP or PPPoE competes with a static default by distance (lower wins)
        if (viaStatic.isPresent() && !(viaStatic.get().prefixLength() == 0 && dynamic.isPresent()
                && dynamic.get().distance() < viaStatic.get().route().distance())) {
            StaticRoute r = viaStatic.get();
            if (r.blackhole()) {
                return Optional.of(new RouteResult(null, RouteResult.Via.BLACKHOLE,
                        "blackhole route at line " + r.route().location().line()));
            }
            return Optional.of(new RouteResult(r.iface(), r.prefixLength() == 0 ? RouteResult.Via.DEFAULT
                    : RouteResult.Via.STATIC, "route " + Ipv4.format(r.network()) + "/" + r.prefixLength()
                    + " at line " + r.route().location().line() + " via " + r.iface(), gatewayAddress(r.route().gateway())));
        }
        return dynamic.map(d -> new RouteResult(d.iface(), RouteResult.Via.DEFAULT,
                "default route learned on " + d.iface()));
    }

    /** A default route a DHCP or PPPoE client installs at run time, with its distance. */
    private record DynamicDefault(String iface, int distance) {
    }

    /** The best default route DHCP and PPPoE clients install: lowest distance, then DHCP, then name. */
    private Optional<DynamicDefault> dynamicDefault() {
        List<DynamicDefault> all = new ArrayList<>();
        config.dhcpClients().stream().filter(d -> !d.disabled() && d.addDefaultRoute() && interfaces.containsKey(d.iface()))
                .sorted(Comparator.comparing(DhcpClient::iface))
                .forEach(d -> all.add(new DynamicDefault(d.iface(), d.defaultRouteDistance())));
        config.interfaces().stream().filter(i -> i.type() == InterfaceType.PPPOE_CLIENT && !i.disabled()
                        && "yes".equals(i.properties().get("add-default-route")))
                .sorted(Comparator.comparing(Interface::name))
                .forEach(i -> all.add(new DynamicDefault(i.name(), distance(i.properties().get("default-route-distance")))));
        return all.stream().min(Comparator.comparingInt(DynamicDefault::distance));
    }

    private static int distance(String written) {
        int n = dev.natlint.parse.NumberBounds.parse(written, 255);
        return n < 0 ? DhcpClient.DEFAULT_DISTANCE : n;
    }

    /**
     * The uplinks that carry a default route of the main table (static, or installed by a DHCP or PPPoE
     * client), whichever wins: the interfaces internet clients can really come in on.
     */
    public List<String> uplinks() {
        Set<String> out = new TreeSet<>();
        staticRoutes.stream().filter(r -> r.prefixLength() == 0 && !r.blackhole()).forEach(r -> out.add(r.iface()));
        config.dhcpClients().stream().filter(d -> !d.disabled() && d.addDefaultRoute() && interfaces.containsKey(d.iface()))
                .forEach(d -> out.add(d.iface()));
        config.interfaces().stream().filter(i -> i.type() == InterfaceType.PPPOE_CLIENT && !i.disabled()
                && "yes".equals(i.properties().get("add-default-route"))).forEach(i -> out.add(i.name()));
        // a default route alone does not make an uplink: a backup route towards a VRRP peer or a LAN router
        // also has one; an uplink is also a WAN by the user's lists, a dynamic address or a public one
        out.removeIf(i -> role(i) == null || role(i).kind() != Role.Kind.WAN || !(dynamicAddressInterfaces.contains(i)
                || role(i).evidence().stream().anyMatch(e -> e.startsWith("member of"))
                || addressesOn(i).stream().anyMatch(a -> !Ipv4.isPrivate(a.address()))));
        return List.copyOf(out);
    }

    /** The interface the main table sends internet traffic out of (its default route), if any. */
    public Optional<String> defaultRouteInterface() {
        // an address no connected subnet or specific route holds: the documentation range TEST-NET-3
        // would do on most routers, but a config may route it; 0.0.0.1 is never routed specifically
        return route(1L).filter(r -> r.via() == RouteResult.Via.DEFAULT).map(RouteResult::iface);
    }

    /** Neighbours of an interface in the graph (its subnets, bridge, ports), for explanations. */
    public List<Node> neighbours(String iface) {
        Node.InterfaceNode n = interfaces.get(iface);
        return n == null ? List.of() : Graphs.neighborListOf(graph, n);
    }

    static boolean contains(long network, int prefixLength, long address) {
        long mask = prefixLength == 0 ? 0 : (0xFFFFFFFFL << (32 - prefixLength)) & 0xFFFFFFFFL;
        return (address & mask) == (network & mask);
    }
}
