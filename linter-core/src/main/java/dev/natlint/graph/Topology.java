package dev.natlint.graph;

import dev.natlint.diag.Assumption;
import dev.natlint.model.ConfigItem;
import dev.natlint.model.DhcpClient;
import dev.natlint.model.Interface;
import dev.natlint.model.InterfaceType;
import dev.natlint.model.InterfaceList;
import dev.natlint.model.IpAddress;
import dev.natlint.model.Route;
import dev.natlint.model.RouterConfig;
import dev.natlint.net.Ipv4;
import dev.natlint.net.Prefix;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
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
 * The router as a graph: the router, its interfaces, the L2 membership of ports in bridges, connected
 * subnets, gateways, the networks behind them and the internet, with links and routes as edges. Built
 * once per configuration; the flow analysis asks it (through {@link Routing}) where packets go.
 */
public final class Topology {

    private final RouterConfig config;
    private final Graph<Node, Link> graph = new DirectedMultigraph<>(Link.class);
    private final Map<String, Node.InterfaceNode> interfaces = new TreeMap<>();
    private final List<IpAddress> routerAddresses = new ArrayList<>();
    private final Set<Long> routerAddressSet = new HashSet<>();
    private final Map<String, List<IpAddress>> addressesByInterface = new HashMap<>();
    private final Map<String, Role> roles = new TreeMap<>();
    private final Set<String> dynamicAddressInterfaces = new TreeSet<>();
    private final Node.RouterNode router = new Node.RouterNode();
    private final Node.InternetNode internet = new Node.InternetNode();
    private final Routing routing = new Routing(graph, router, interfaces);

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

    /** Routing decisions and paths, answered on the graph. */
    public Routing routing() {
        return routing;
    }

    // ---- construction ---------------------------------------------------------------------------

    private void build() {
        graph.addVertex(router);
        graph.addVertex(internet);
        Set<String> slaves = new TreeSet<>();
        config.bridgePorts().stream().filter(p -> !p.disabled()).forEach(p -> slaves.add(p.iface()));
        config.interfaces().stream().filter(i -> i.type() == InterfaceType.BONDING)
                .forEach(b -> b.property("slaves").ifPresent(s -> slaves.addAll(List.of(s.split(",")))));
        for (Interface i : config.interfaces()) {
            Node.InterfaceNode n = new Node.InterfaceNode(i.name(), i.type(), !slaves.contains(i.name()));
            interfaces.put(i.name(), n);
            graph.addVertex(n);
            if (n.l3()) {
                graph.addEdge(router, n, new Link(router, n, Link.Kind.HAS));
            }
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
            routerAddressSet.add(onL3.address());
            addressesByInterface.computeIfAbsent(owner, k -> new ArrayList<>()).add(onL3);
            routing.indexConnected(onL3);
            Node.SubnetNode subnet = new Node.SubnetNode(onL3.network(), onL3.prefixLength());
            graph.addVertex(subnet);
            Node.InterfaceNode iface = interfaces.get(owner);
            // one connected route per interface and subnet, from the first address on it
            if (graph.getAllEdges(iface, subnet).stream().noneMatch(l -> l.kind() == Link.Kind.ON_LINK)) {
                RouteEntry connected = new RouteEntry(new Prefix(onL3.network(), onL3.prefixLength()), 0, "main",
                        RouteEntry.Origin.CONNECTED, owner, RouteResult.NO_GATEWAY, line(a.location()));
                Link onLink = new Link(iface, subnet, Link.Kind.ON_LINK, connected);
                graph.addEdge(iface, subnet, onLink);
                routing.index(onLink);
            }
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

    /**
     * Every enabled route of every table becomes a ROUTE edge from its gateway to the network behind it
     * (the internet for a default route), the gateway hanging off the connected subnet it is on; a
     * blackhole route starts at the router. A gateway no connected subnet or interface resolves is left
     * out, as the router would not use the route. Then the default routes DHCP and PPPoE clients learn.
     */
    private void resolveRoutes() {
        for (Route r : config.routes()) {
            if (r.disabled() || r.prefixLength() < 0 || r.prefixLength() > 32 || r.dstAddress() < 0
                    || r.dstAddress() > Ipv4.MAX) {
                continue;
            }
            Prefix destination = new Prefix(r.dstAddress() & Ipv4.mask(r.prefixLength()), r.prefixLength());
            Node behind = networkNode(destination);
            if (r.blackhole()) {
                addRoute(router, behind, new RouteEntry(destination, r.distance(), r.routingTable(),
                        RouteEntry.Origin.BLACKHOLE, null, RouteResult.NO_GATEWAY, line(r.location())));
                continue;
            }
            Optional<String> egress = egressOfGateway(r.gateway());
            if (egress.isPresent()) {
                long next = gatewayAddress(r.gateway());
                addRoute(gateway(egress.get(), next), behind, new RouteEntry(destination, r.distance(), r.routingTable(),
                        RouteEntry.Origin.STATIC, egress.get(), next, line(r.location())));
            }
        }
        // learned default routes in a fixed order: DHCP clients by interface, then PPPoE clients by name
        Prefix any = new Prefix(0, 0);
        config.dhcpClients().stream().filter(d -> !d.disabled() && d.addDefaultRoute() && interfaces.containsKey(d.iface()))
                .sorted(Comparator.comparing(DhcpClient::iface))
                .forEach(d -> addRoute(gateway(d.iface(), RouteResult.NO_GATEWAY), internet, new RouteEntry(any,
                        d.defaultRouteDistance(), "main", RouteEntry.Origin.DYNAMIC, d.iface(), RouteResult.NO_GATEWAY,
                        line(d.location()))));
        config.interfaces().stream().filter(i -> i.type() == InterfaceType.PPPOE_CLIENT && !i.disabled()
                        && "yes".equals(i.properties().get("add-default-route")))
                .sorted(Comparator.comparing(Interface::name))
                .forEach(i -> addRoute(gateway(i.name(), RouteResult.NO_GATEWAY), internet, new RouteEntry(any,
                        distance(i.properties().get("default-route-distance")), "main", RouteEntry.Origin.DYNAMIC,
                        i.name(), RouteResult.NO_GATEWAY, line(i.location()))));
    }

    private Node networkNode(Prefix p) {
        if (p.length() == 0) {
            return internet;
        }
        Node.SubnetNode n = new Node.SubnetNode(p.network(), p.length());
        graph.addVertex(n);
        return n;
    }

    /** The gateway node for a next hop out of {@code iface}, attached to the subnet (or interface) it is on. */
    private Node.GatewayNode gateway(String iface, long address) {
        Node.GatewayNode g = new Node.GatewayNode(iface, address);
        if (graph.addVertex(g)) {
            Node.InterfaceNode out = interfaces.get(iface);
            if (graph.getEdge(router, out) == null) {
                graph.addEdge(router, out, new Link(router, out, Link.Kind.HAS));
            }
            Node on = address == RouteResult.NO_GATEWAY ? out : routing.connectedSubnetOf(address)
                    .filter(a -> a.iface().equals(iface)).<Node>map(a -> new Node.SubnetNode(a.network(), a.prefixLength()))
                    .orElse(out);
            graph.addEdge(on, g, new Link(on, g, Link.Kind.GATEWAY));
        }
        return g;
    }

    private void addRoute(Node from, Node to, RouteEntry entry) {
        Link l = new Link(from, to, Link.Kind.ROUTE, entry);
        if (graph.addEdge(from, to, l)) {
            routing.index(l);
        }
    }

    private static int line(dev.natlint.diag.Location location) {
        return location == null ? 0 : location.line();
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
        return routing.connectedSubnetOf(address).map(IpAddress::iface);
    }

    /**
     * Roles from evidence, strongest first: the defconf lists {@code WAN} and {@code LAN}; an uplink (a
     * DHCP, PPPoE or LTE client, a default route) or a DHCP server; then the address (public: WAN,
     * private: LAN). Any other list name with wan/isp/internet (or lan) in it is only a tie-break: it
     * decides an interface nothing else decides, or makes a private-address interface a WAN when the
     * configuration shows no WAN at all; the role is then an assumption.
     */
    private void classify() {
        // evidence as the user reads it, per interface in a fixed order; the sets say what kind each is
        Map<String, List<String>> wan = new LinkedHashMap<>();
        Map<String, List<String>> lan = new LinkedHashMap<>();
        Set<String> wanList = new TreeSet<>();
        Set<String> lanList = new TreeSet<>();
        Map<String, String> wanName = new TreeMap<>();
        Map<String, String> lanName = new TreeMap<>();
        Map<String, Integer> nameLine = new TreeMap<>();
        for (InterfaceList list : config.interfaceLists()) {
            String lower = list.name().toLowerCase(Locale.ROOT);
            boolean defconf = lower.equals("wan") || lower.equals("lan");
            boolean isWan = lower.contains("wan") || lower.contains("isp") || lower.contains("internet");
            boolean isLan = !isWan && lower.contains("lan");
            if (!isWan && !isLan) {
                continue;
            }
            for (String member : config.interfaceListMembers(list.name())) {
                String l3 = l3Owner(member);
                if (l3 != null && l3.equals(member)) {
                    String e = "member of interface list " + list.name();
                    (isWan ? wan : lan).computeIfAbsent(member, k -> new ArrayList<>()).add(e);
                    if (defconf) {
                        (isWan ? wanList : lanList).add(member);
                    } else {
                        (isWan ? wanName : lanName).putIfAbsent(member, e);
                        nameLine.putIfAbsent(member, memberLine(list, member));
                    }
                }
            }
        }
        Set<String> uplink = new TreeSet<>();
        for (DhcpClient d : config.dhcpClients()) {
            if (!d.disabled() && interfaces.containsKey(d.iface())) {
                wan.computeIfAbsent(d.iface(), k -> new ArrayList<>()).add("has a DHCP client");
                uplink.add(d.iface());
            }
        }
        config.interfaces().stream().filter(i -> i.type() == InterfaceType.PPPOE_CLIENT && !i.disabled())
                .forEach(i -> {
                    wan.computeIfAbsent(i.name(), k -> new ArrayList<>()).add("is a PPPoE client");
                    uplink.add(i.name());
                });
        config.interfaces().stream().filter(i -> i.type() == InterfaceType.LTE && !i.disabled())
                .forEach(i -> {
                    wan.computeIfAbsent(i.name(), k -> new ArrayList<>()).add("is an LTE modem");
                    uplink.add(i.name());
                });
        routing.routes("main").stream().map(Link::route)
                .filter(r -> r.isDefault() && r.origin() == RouteEntry.Origin.STATIC)
                .forEach(r -> {
                    wan.computeIfAbsent(r.iface(), k -> new ArrayList<>()).add("default route at line " + r.line());
                    uplink.add(r.iface());
                });
        // a default route in another table: a second uplink may have its only one in the table policy routing uses
        for (Route r : config.routes()) {
            if (!r.disabled() && r.isDefault() && !r.blackhole() && !"main".equals(r.routingTable())) {
                egressOfGateway(r.gateway()).ifPresent(i -> {
                    wan.computeIfAbsent(i, k -> new ArrayList<>()).add("default route at line " + line(r.location())
                            + " in table " + r.routingTable());
                    uplink.add(i);
                });
            }
        }
        // a DHCP server hands out addresses to hosts behind the interface: a LAN, whatever its addresses look like
        Set<String> dhcpServer = new TreeSet<>();
        for (ConfigItem server : config.items("/ip dhcp-server")) {
            String iface = server.get("interface").map(this::l3Owner).orElse(null);
            if (!server.disabled() && iface != null) {
                lan.computeIfAbsent(iface, k -> new ArrayList<>()).add("runs a DHCP server");
                dhcpServer.add(iface);
            }
        }
        Set<String> publicAddr = new TreeSet<>();
        Set<String> privateAddr = new TreeSet<>();
        for (IpAddress a : routerAddresses) {
            String text = Ipv4.format(a.address()) + "/" + a.prefixLength();
            if (Ipv4.isPrivate(a.address())) {
                lan.computeIfAbsent(a.iface(), k -> new ArrayList<>()).add("has private address " + text);
                privateAddr.add(a.iface());
            } else {
                wan.computeIfAbsent(a.iface(), k -> new ArrayList<>()).add("has public address " + text);
                publicAddr.add(a.iface());
            }
        }
        List<String> l3 = interfaces.values().stream().filter(Node.InterfaceNode::l3).map(Node.InterfaceNode::name).toList();
        // first what the configuration shows: lists of defconf, uplinks and DHCP servers, then addresses
        Map<String, Role.Kind> decided = new TreeMap<>();
        for (String i : l3) {
            if (wanList.contains(i) || (!lanList.contains(i) && uplink.contains(i))) {
                decided.put(i, Role.Kind.WAN);
            } else if (lanList.contains(i) || dhcpServer.contains(i)) {
                decided.put(i, Role.Kind.LAN);
            } else if (publicAddr.contains(i) && !privateAddr.contains(i)) {
                decided.put(i, Role.Kind.WAN);
            }
        }
        boolean wanKnown = decided.containsValue(Role.Kind.WAN);
        for (String i : l3) {
            Role.Kind kind = decided.get(i);
            Role role;
            if (kind != null) {
                role = new Role(i, kind, (kind == Role.Kind.WAN ? wan : lan).get(i));
            } else if (wanName.containsKey(i) && (!wanKnown || !privateAddr.contains(i))) {
                role = guessed(i, Role.Kind.WAN, wanName.get(i), nameLine.get(i), wan.get(i));
            } else if (privateAddr.contains(i)) {
                role = new Role(i, Role.Kind.LAN, lan.get(i));
            } else if (lanName.containsKey(i)) {
                role = guessed(i, Role.Kind.LAN, lanName.get(i), nameLine.get(i), lan.get(i));
            } else {
                role = new Role(i, Role.Kind.NONE, List.of("no address, list membership or uplink"));
            }
            roles.put(i, role);
        }
    }

    private static Role guessed(String iface, Role.Kind kind, String member, int line, List<String> evidence) {
        List<String> shown = new ArrayList<>(evidence);
        shown.add("only the list name says so");
        String list = member.substring("member of interface list ".length());
        return new Role(iface, kind, shown, Assumption.assumed(line, iface + " is taken as a " + kind.name()
                + " only because of the name of its interface list " + list + "; no "
                + (kind == Role.Kind.WAN ? "default route, DHCP or PPPoE client, public address or defconf WAN list"
                : "DHCP server, address or defconf LAN list") + " says so"));
    }

    private int memberLine(InterfaceList list, String member) {
        return config.interfaceListMembers().stream().filter(m -> !m.disabled() && m.list().equals(list.name())
                && m.iface().equals(member) && m.location() != null).map(m -> m.location().line()).findFirst()
                .orElse(line(list.location()));
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
        return Collections.unmodifiableList(addressesByInterface.getOrDefault(iface, List.of()));
    }

    /** Interfaces whose address is assigned at run time (DHCP client, PPPoE client), sorted. */
    public Set<String> dynamicAddressInterfaces() {
        return dynamicAddressInterfaces;
    }

    /** The connected subnet that contains {@code address}, if any, as the router address that defines it. */
    public Optional<IpAddress> connectedSubnetOf(long address) {
        return routing.connectedSubnetOf(address);
    }

    public boolean isRouterAddress(long address) {
        return routerAddressSet.contains(address);
    }

    /**
     * The routing decision for {@code address} in the main table: longest prefix wins among connected
     * subnets, static routes and the default routes DHCP and PPPoE clients learn (see {@link Routing#lookup}).
     */
    public Optional<RouteResult> route(long address) {
        return routing.lookup(address).map(l -> l.route().result());
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
        routing.routes("main").stream().map(Link::route).filter(r -> r.isDefault()
                && (r.origin() == RouteEntry.Origin.STATIC || r.origin() == RouteEntry.Origin.DYNAMIC))
                .forEach(r -> out.add(r.iface()));
        // a default route alone does not make an uplink: a backup route towards a VRRP peer or a LAN router
        // also has one; an uplink is also a WAN by the user's lists, a dynamic address or a public one
        out.removeIf(i -> role(i) == null || role(i).kind() != Role.Kind.WAN || !(dynamicAddressInterfaces.contains(i)
                || role(i).evidence().stream().anyMatch(e -> e.startsWith("member of"))
                || addressesOn(i).stream().anyMatch(a -> !Ipv4.isPrivate(a.address()))));
        return List.copyOf(out);
    }

    /** Menus whose entries make the router learn routes while it runs: routing protocols. */
    private static final List<String> ROUTING_PROTOCOL_MENUS = List.of("/routing ospf instance", "/routing ospf area",
            "/routing ospf network", "/routing ospf interface-template", "/routing ospf-v3 instance",
            "/routing bgp connection", "/routing bgp peer", "/routing bgp instance", "/routing bgp template",
            "/routing rip instance", "/routing rip interface", "/routing rip interface-template", "/routing rip network");

    /**
     * The first line of something that adds main-table routes at run time that the script does not state:
     * a routing protocol, an LTE uplink (its APN installs a default route), a VPN client with
     * {@code add-default-route=yes}. DHCP and PPPoE clients are not among them: their default route is
     * modelled.
     */
    public Optional<Integer> learnedRoutesLine() {
        int first = Integer.MAX_VALUE;
        for (String menu : ROUTING_PROTOCOL_MENUS) {
            for (ConfigItem i : config.items(menu)) {
                // a BGP session for IPv6 only (address-families=ipv6) teaches no IPv4 route
                String families = i.properties().getOrDefault("address-families", "ip");
                if (!i.disabled() && i.location() != null && List.of(families.split(",")).contains("ip")) {
                    first = Math.min(first, i.location().line());
                }
            }
        }
        for (Interface i : config.interfaces()) {
            boolean learns = i.type() == InterfaceType.LTE
                    || i.type() == InterfaceType.TUNNEL && "yes".equals(i.properties().get("add-default-route"));
            if (learns && !i.disabled() && i.location() != null) {
                first = Math.min(first, i.location().line());
            }
        }
        return first == Integer.MAX_VALUE ? Optional.empty() : Optional.of(first);
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
}
