package dev.natlint.kernel;

import dev.natlint.diag.Certainty;
import dev.natlint.flow.Flow;
import dev.natlint.flow.FlowAnalyzer;
import dev.natlint.flow.Forward;
import dev.natlint.flow.Source;
import dev.natlint.flow.packet.Field;
import dev.natlint.net.IntervalSet;
import dev.natlint.flow.packet.Packet;
import dev.natlint.graph.Topology;
import dev.natlint.model.ConfigBuilder;
import dev.natlint.model.InterfaceType;
import dev.natlint.model.IpAddress;
import dev.natlint.model.Route;
import dev.natlint.model.RouterConfig;
import dev.natlint.net.Ipv4;
import dev.natlint.parse.RouterOsReader;
import dev.natlint.report.FlowReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the network a configuration describes in namespaces, loads its rules into the router's
 * netfilter, connects from every client to every forward, and compares each result with the flow the
 * analyzer predicts for that client and port.
 */
final class KernelCheck {

    /** One client's connection to one forward: what the kernel did and what natlint said. */
    record Comparison(int forwardLine, String client, String proto, String dst, int port, String expectedServer,
                      String kernel, Flow flow, long srcAddress, String ingress) {
        boolean kernelWorks() {
            return kernel.equals("ok " + expectedServer);
        }

        boolean agrees() {
            return flow != null && flow.works() == kernelWorks();
        }

        String describe() {
            return "forward at line " + forwardLine + ": " + client + " -> " + dst + ":" + port + "/" + proto
                    + ", kernel: " + kernel + " (expected server " + expectedServer + "), natlint: "
                    + (flow == null ? "no flow holds this packet" : flow.verdict().id() + "\n"
                    + FlowReport.table(flow.steps(), "    "));
        }
    }

    record Outcome(String name, List<Comparison> comparisons, String notEmulated) {
    }

    private static final long INTERNET_CLIENT = 0xC633640AL; // 198.51.100.10

    private KernelCheck() {
    }

    static Outcome run(String name, String script, Path agent) {
        RouterConfig config = ConfigBuilder.build(RouterOsReader.read(name, script));
        FlowAnalyzer analyzer = FlowAnalyzer.of(config);
        Topology topo = analyzer.topology();
        List<String> wans = topo.wanInterfaces();
        // several uplinks are emulated, each with its own upstream and internet host, routes by distance
        // (Linux metric); policy routing (mangle, routing tables) is refused by the translator
        if (config.interfaces().stream().anyMatch(i -> i.type() == InterfaceType.PPPOE_CLIENT && !i.disabled())) {
            return new Outcome(name, List.of(), "PPPoE client interfaces are not emulated");
        }
        Map<String, List<IpAddress>> ifaces = new LinkedHashMap<>();
        for (IpAddress a : topo.routerAddresses()) {
            ifaces.computeIfAbsent(a.iface(), k -> new ArrayList<>()).add(a);
        }
        for (String dyn : topo.dynamicAddressInterfaces()) {
            ifaces.putIfAbsent(dyn, new ArrayList<>());
        }
        for (String iface : ifaces.keySet()) {
            if (!iface.matches("[A-Za-z0-9_.-]{1,15}") || iface.equals("lo")) {
                return new Outcome(name, List.of(), "interface name '" + iface + "' is not a valid Linux interface name");
            }
        }
        // a server behind a second router on a LAN is emulated with that router: a static route whose
        // gateway is a host of a LAN subnet leads to it; anything else behind a route is not emulated
        Map<Long, Route> behindLanRouter = new LinkedHashMap<>();
        for (Forward f : analyzer.forwards()) {
            long target = f.targetAddresses().min();
            Optional<dev.natlint.graph.RouteResult> via = topo.route(target);
            if (via.isPresent() && via.get().via() == dev.natlint.graph.RouteResult.Via.STATIC) {
                Optional<Route> lanRoute = lanRouterRoute(config, topo, target, via.get());
                if (lanRoute.isEmpty()) {
                    return new Outcome(name, List.of(), "forward target " + Ipv4.format(target) + " sits behind another"
                            + " router (" + via.get().description() + ") that is not a host of a LAN subnet");
                }
                behindLanRouter.put(target, lanRoute.get());
            }
        }
        String ruleset;
        IptablesTranslator translator = new IptablesTranslator(config, ifaces.keySet());
        try {
            ruleset = translator.ruleset();
        } catch (IptablesTranslator.NotEmulated e) {
            return new Outcome(name, List.of(), e.getMessage());
        }
        String unbuilt = unemulatedMarkedTable(config, topo);
        if (unbuilt != null) {
            return new Outcome(name, List.of(), unbuilt);
        }
        List<Forward> forwards = analyzer.forwards();
        try (Lab lab = new Lab(agent)) {
            // the router and its segments
            Map<String, String> bridgeOf = new LinkedHashMap<>();
            Map<Long, Long> dynamicConcrete = new LinkedHashMap<>();
            int k = 0;
            for (Map.Entry<String, List<IpAddress>> e : ifaces.entrySet()) {
                String bridge = "b" + (k++);
                bridgeOf.put(e.getKey(), bridge);
                lab.segment(bridge, e.getKey());
                for (IpAddress a : e.getValue()) {
                    lab.routerAddress(e.getKey(), Ipv4.format(a.address()) + "/" + a.prefixLength());
                }
            }
            int dynIndex = 0;
            for (String dyn : topo.dynamicAddressInterfaces()) {
                long address = 0xC6120002L + ((long) dynIndex << 8); // 198.18.<n>.2, a benchmark range
                lab.routerAddress(dyn, Ipv4.format(address) + "/24");
                dynamicConcrete.put(analyzer.space().dynamicAddress(dyn).orElseThrow(), address);
                if (config.dhcpClients().stream().anyMatch(d -> d.iface().equals(dyn) && d.addDefaultRoute())) {
                    int distance = config.dhcpClients().stream().filter(d -> d.iface().equals(dyn))
                            .mapToInt(dev.natlint.model.DhcpClient::defaultRouteDistance).findFirst().orElse(1);
                    Shell.must(Shell.inNs(lab.router(), "ip", "route", "replace", "default", "via",
                            Ipv4.format(address - 1), "metric", String.valueOf(distance)));
                }
                dynIndex++;
            }
            // a routing table is selected by the packet mark mark-routing sets: one ip rule per marked table
            for (Map.Entry<String, Integer> t : translator.tables().entrySet()) {
                Shell.must(Shell.inNs(lab.router(), "ip", "rule", "add", "fwmark", t.getValue() + "/"
                        + IptablesTranslator.ROUTING_BITS, "table", String.valueOf(t.getValue())));
            }
            for (Route r : config.routes()) {
                if (r.disabled() || r.blackhole() || r.gateway() == null || Ipv4.parse(r.gateway()).isEmpty()) {
                    continue;
                }
                if (!"main".equals(r.routingTable())) {
                    Integer table = translator.tables().get(r.routingTable());
                    // a table only a routing-mark= matcher names carries no packet: nothing to build
                    if (table != null && r.prefixLength() == 0 && markedTables(config).contains(r.routingTable())) {
                        Shell.must(Shell.inNs(lab.router(), "ip", "route", "replace", "default", "via", r.gateway(),
                                "table", String.valueOf(table)));
                    }
                    continue;
                }
                String dst = r.prefixLength() == 0 ? "default" : Ipv4.format(r.dstAddress() & Ipv4.mask(r.prefixLength()))
                        + "/" + r.prefixLength();
                Shell.run(List.of(Shell.inNs(lab.router(), "ip", "route", "replace", dst, "via", r.gateway(), "metric",
                        String.valueOf(r.distance()))), null);
            }
            lab.iptablesRestore(ruleset);

            // the internet: a host on the WAN segment that owns the upstream gateway and the client address
            Map<String, Lab.Agent> clients = new LinkedHashMap<>();
            Map<String, Long> clientAddress = new LinkedHashMap<>();
            Map<String, String> clientIngress = new LinkedHashMap<>();
            List<Long> internetProbes = internetProbes(config, topo);
            // forward targets the router reaches out of an uplink live on that uplink's internet host: it
            // answers whatever source it sees, over its own link, never through the router unless addressed to it
            Map<Long, Lab.Agent> beyondUplinks = new LinkedHashMap<>();
            for (String wan : wans) {
                Optional<String> gateway = upstream(config, topo, wan, dynamicConcrete, analyzer);
                if (gateway.isEmpty()) {
                    continue;
                }
                List<Long> beyond = new ArrayList<>();
                for (Forward f : forwards) {
                    long t = f.targetAddresses().min();
                    // a private target is one the provider drops (natlint: unroutable), so it gets no host out there
                    if (topo.connectedSubnetOf(t).isEmpty() && !behindLanRouter.containsKey(t) && !internetProbes.contains(t)
                            && !Ipv4.isPrivate(t)
                            && !beyond.contains(t) && topo.route(t).map(r -> wan.equals(r.iface())).orElse(false)) {
                        beyond.add(t);
                    }
                }
                List<String> extra = new ArrayList<>();
                internetProbes.forEach(a -> extra.add(Ipv4.format(a) + "/32"));
                beyond.forEach(a -> extra.add(Ipv4.format(a) + "/32"));
                Lab.Agent inet = lab.host("inet" + clients.size(), bridgeOf.get(wan), gateway.get(), null, extra);
                beyond.forEach(t -> beyondUplinks.put(t, inet));
                for (long probe : internetProbes) {
                    String label = "internet via " + wan + (probe == INTERNET_CLIENT ? "" : " (scenario source)");
                    clients.put(label, inet);
                    clientAddress.put(label, probe);
                    clientIngress.put(label, wan);
                }
            }
            // LAN segments: a client host, and every forward target that lives there
            Map<Long, Lab.Agent> servers = new LinkedHashMap<>(beyondUplinks);
            Set<Long> targets = new LinkedHashSet<>();
            forwards.forEach(f -> targets.add(f.targetAddresses().min()));
            int h = 0;
            // second routers on LANs, with the servers behind them; their LAN addresses are no clients
            Set<Long> taken = new LinkedHashSet<>(targets);
            Map<String, String> innerBridges = new LinkedHashMap<>();
            for (Map.Entry<Long, Route> e : behindLanRouter.entrySet()) {
                Route r = e.getValue();
                long gateway = Ipv4.parse(r.gateway()).orElseThrow();
                taken.add(gateway);
                IpAddress lanNet = topo.connectedSubnetOf(gateway).orElseThrow();
                long inner = (r.dstAddress() & Ipv4.mask(r.prefixLength()));
                long innerRouter = inner + 1 == e.getKey() ? inner + 2 : inner + 1;
                String innerBridge = innerBridges.get(r.gateway() + "/" + r.prefixLength());
                if (innerBridge == null) {
                    innerBridge = "i" + innerBridges.size();
                    innerBridges.put(r.gateway() + "/" + r.prefixLength(), innerBridge);
                    lab.bridge(innerBridge);
                    lab.lanRouter("r" + innerBridges.size(), bridgeOf.get(lanNet.iface()),
                            Ipv4.format(gateway) + "/" + lanNet.prefixLength(), Ipv4.format(lanNet.address()), innerBridge,
                            Ipv4.format(innerRouter) + "/" + r.prefixLength());
                }
                servers.put(e.getKey(), lab.host("h" + (h++), innerBridge, Ipv4.format(e.getKey()) + "/" + r.prefixLength(),
                        Ipv4.format(innerRouter), List.of()));
            }
            for (String lan : topo.lanInterfaces()) {
                List<IpAddress> addrs = ifaces.getOrDefault(lan, List.of());
                if (addrs.isEmpty()) {
                    continue;
                }
                IpAddress net = addrs.get(0);
                for (long t : targets) {
                    if ((t & Ipv4.mask(net.prefixLength())) == net.network() && !topo.isRouterAddress(t)) {
                        servers.put(t, lab.host("h" + (h++), bridgeOf.get(lan), Ipv4.format(t) + "/" + net.prefixLength(),
                                Ipv4.format(net.address()), List.of()));
                    }
                }
                // one client per flow the analyzer distinguishes on this subnet, so every part is tried
                Set<Long> clientsHere = new java.util.TreeSet<>();
                for (Forward f : forwards) {
                    for (Flow fl : analyzer.flows(f, analyzer.sources())) {
                        long ex = fl.example().srcAddress();
                        if (!fl.source().internet() && fl.source().iface().equals(lan) && !taken.contains(ex)
                                && (ex & Ipv4.mask(net.prefixLength())) == net.network()) {
                            clientsHere.add(ex);
                        }
                    }
                }
                long fallback = freeHost(net, taken, topo);
                // and a client the scenario gives (a free host of the subnet), not only natlint's own examples
                if (fallback >= 0) {
                    clientsHere.add(fallback);
                }
                for (long client : clientsHere) {
                    String label = "LAN " + lan + " " + Ipv4.format(client);
                    clients.put(label, lab.host("h" + (h++), bridgeOf.get(lan), Ipv4.format(client) + "/" + net.prefixLength(),
                            Ipv4.format(net.address()), List.of()));
                    clientAddress.put(label, client);
                    clientIngress.put(label, lan);
                }
            }
            // listeners, then every client to every forward, all at once, each bounded by a timeout
            Set<String> listening = new LinkedHashSet<>();
            List<Object[]> pending = new ArrayList<>();
            List<Source> sources = analyzer.sources();
            for (Forward f : forwards) {
                String proto = f.protocols().contains(6) ? "tcp" : f.protocols().contains(17) ? "udp" : null;
                if (proto == null) {
                    continue;
                }
                long target = f.targetAddresses().min();
                // the lowest port, and for a range the highest and a middle one too: a rule that covers part of
                // a range, or drops one port of it, differs there
                List<Integer> probePorts = new ArrayList<>(List.of((int) f.ports().min()));
                if (f.rule().has("dst-port") && f.ports().max() != f.ports().min()) {
                    long middle = f.ports().min() + (f.ports().max() - f.ports().min()) / 2;
                    if (middle != f.ports().min() && f.ports().contains(middle)) {
                        probePorts.add((int) middle);
                    }
                    probePorts.add((int) f.ports().max());
                }
                // the server listens on every port the dst-nat may give (a to-ports range of up to 32), so
                // which one the kernel picks is the kernel's business, not an assumption of the lab
                List<Integer> serverPorts = new ArrayList<>();
                if (f.targetPorts() != null && f.targetPorts().size() <= 32) {
                    for (long sp = f.targetPorts().min(); sp <= f.targetPorts().max(); sp++) {
                        if (f.targetPorts().contains(sp)) {
                            serverPorts.add((int) sp);
                        }
                    }
                }
                for (int port : probePorts) {
                    Lab.Agent server = servers.get(target);
                    List<Integer> listen = f.targetPorts() == null ? List.of(port)
                            : serverPorts.isEmpty() ? List.of((int) f.targetPorts().min()) : serverPorts;
                    for (int serverPort : listen) {
                        if (server != null && listening.add(target + proto + serverPort)) {
                            server.listen(proto, serverPort, Ipv4.format(target));
                        }
                    }
                    long publicSymbolic = f.publicAddresses().min();
                    long publicConcrete = dynamicConcrete.getOrDefault(publicSymbolic, publicSymbolic);
                    if (publicConcrete > 0xFFFFFFFFL) {
                        continue;
                    }
                    List<Flow> flows = analyzer.flows(f, sources);
                    for (Map.Entry<String, Lab.Agent> c : clients.entrySet()) {
                        long src = clientAddress.get(c.getKey());
                        Packet p = new Packet(src, publicSymbolic, proto.equals("tcp") ? 6 : 17, 50000, port,
                                analyzer.space().universe().interfaceIndex(clientIngress.get(c.getKey())), 0);
                        // flows are in client coordinates, where the out-interface is not yet chosen
                        Flow flow = flows.stream().filter(fl -> fl.packets().boxes().stream().anyMatch(b ->
                                b.with(Field.OUT_INTERFACE, IntervalSet.point(0)).contains(p))).findFirst().orElse(null);
                        if (flow == null && wans.size() > 1 && c.getKey().startsWith("internet")) {
                            // another uplink's address: the internet reaches it through that uplink, not this one
                            continue;
                        }
                        if (flow != null && flow.certainty() != Certainty.EXACT) {
                            // an assumed verdict holds for the case it assumes (a lease, a hash choice), which the
                            // lab does not reproduce; it is reported as not-analysed, not compared
                            System.out.println("not compared (" + flow.certainty().id() + " verdict): " + name
                                    + ", forward at line " + f.line() + ", " + c.getKey());
                            continue;
                        }
                        String id = c.getValue().connectAsync(proto, c.getKey().startsWith("internet")
                                ? Ipv4.format(src) : "-", Ipv4.format(publicConcrete), port);
                        pending.add(new Object[] {f, c.getKey().startsWith("LAN") ? c.getKey() : c.getKey() + " " + Ipv4.format(src), proto, Ipv4.format(publicConcrete),
                                port, Ipv4.format(target), c.getValue(), id, flow, src, clientIngress.get(c.getKey())});
                    }
                }
            }
            List<Comparison> out = new ArrayList<>();
            for (Object[] p : pending) {
                String kernel = ((Lab.Agent) p[6]).await((String) p[7]);
                out.add(new Comparison(((Forward) p[0]).line(), (String) p[1], (String) p[2], (String) p[3], (int) p[4],
                        (String) p[5], kernel, (Flow) p[8], (long) p[9], (String) p[10]));
            }
            return new Outcome(name, out, null);
        }
    }

    /**
     * Why a table a mark-routing rule selects cannot be built one to one, or null when it can: the lab gives a
     * marked table its default route only, so the table must have exactly that, through a gateway on a
     * connected subnet. A table without a route for the destination (or with an unreachable gateway) leaves
     * the packet to a fallback that Linux has (the next ip rule, main) and the reference does not state for
     * RouterOS, so it is not emulated rather than guessed.
     */
    private static String unemulatedMarkedTable(RouterConfig config, Topology topo) {
        for (String table : markedTables(config)) {
            List<Route> routes = config.routes().stream().filter(r -> !r.disabled() && table.equals(r.routingTable())).toList();
            boolean usableDefault = routes.stream().anyMatch(r -> r.prefixLength() == 0 && !r.blackhole() && r.gateway() != null
                    && Ipv4.parse(r.gateway()).map(gw -> topo.connectedSubnetOf(gw).isPresent()).orElse(false));
            if (!usableDefault || routes.stream().anyMatch(r -> r.prefixLength() > 0 || r.blackhole())) {
                return "routing table " + table + " (selected by a routing mark) has no default route through a"
                        + " connected gateway, or has other routes: the lab builds only a default route per marked table";
            }
        }
        return null;
    }

    /** The routing tables some enabled mark-routing rule sends packets to. */
    private static Set<String> markedTables(RouterConfig config) {
        Set<String> marked = new LinkedHashSet<>();
        for (dev.natlint.model.FirewallRule r : config.rules(dev.natlint.model.Table.MANGLE)) {
            if (!r.disabled() && r.action().equals("mark-routing")) {
                r.get("new-routing-mark").filter(t -> !t.equals("no-mark")).ifPresent(marked::add);
            }
        }
        return marked;
    }

    /**
     * Internet client addresses to connect from: a generic one, plus the sources the scenario itself names
     * for its forwards (their src-address, and the entries of their src-address-list), so a restriction
     * to some internet sources is tried from inside and from outside it. Chosen from the script, not from
     * natlint's flows, so the probes do not inherit what natlint believes.
     */
    private static List<Long> internetProbes(RouterConfig config, Topology topo) {
        Set<Long> out = new LinkedHashSet<>();
        out.add(INTERNET_CLIENT);
        Set<String> lists = new LinkedHashSet<>();
        List<String> specs = new ArrayList<>();
        for (dev.natlint.model.FirewallRule r : config.natRules()) {
            if (r.chain().equals("dstnat") && r.action().equals("dst-nat")) {
                r.get("src-address").filter(v -> !v.startsWith("!")).ifPresent(specs::add);
                r.get("src-address-list").filter(v -> !v.startsWith("!")).ifPresent(lists::add);
            }
        }
        config.addressListEntries().stream().filter(e -> lists.contains(e.list())).forEach(e -> specs.add(e.address()));
        for (String spec : specs) {
            Ipv4.parseAddressSpec(spec).ifPresent(set -> {
                long a = set.min();
                if (a > 0 && a <= 0xFFFFFFFFL && topo.connectedSubnetOf(a).isEmpty() && !topo.isRouterAddress(a)
                        && out.size() < 4) {
                    out.add(a);
                }
            });
        }
        return List.copyOf(out);
    }

    /**
     * The static route that leads to {@code target} through a host of a LAN subnet (a LAN router), if
     * that is how the router reaches it.
     */
    private static Optional<Route> lanRouterRoute(RouterConfig config, Topology topo, long target,
                                                  dev.natlint.graph.RouteResult via) {
        if (via.gateway() == dev.natlint.graph.RouteResult.NO_GATEWAY
                || topo.connectedSubnetOf(via.gateway()).map(a -> !topo.lanInterfaces().contains(a.iface())).orElse(true)) {
            return Optional.empty();
        }
        return config.routes().stream().filter(r -> !r.disabled() && !r.blackhole() && "main".equals(r.routingTable())
                && r.prefixLength() > 0 && r.gateway() != null && Ipv4.parse(r.gateway()).orElse(-1L) == via.gateway()
                && (target & Ipv4.mask(r.prefixLength())) == (r.dstAddress() & Ipv4.mask(r.prefixLength())))
                .max(java.util.Comparator.comparingInt(Route::prefixLength));
    }

    /** The upstream gateway's address on the WAN segment, as CIDR, for the internet host. */
    private static Optional<String> upstream(RouterConfig config, Topology topo, String wan, Map<Long, Long> dynamicConcrete,
                                             FlowAnalyzer analyzer) {
        Optional<Long> dyn = analyzer.space().dynamicAddress(wan);
        if (dyn.isPresent()) {
            return Optional.of(Ipv4.format(dynamicConcrete.get(dyn.get()) - 1) + "/24");
        }
        List<IpAddress> addrs = topo.addressesOn(wan);
        if (addrs.isEmpty()) {
            return Optional.empty();
        }
        IpAddress a = addrs.get(0);
        for (Route r : config.routes()) {
            Optional<Long> gw = Ipv4.parse(r.gateway() == null ? "" : r.gateway());
            if (gw.isPresent() && (gw.get() & Ipv4.mask(a.prefixLength())) == a.network()) {
                return Optional.of(Ipv4.format(gw.get()) + "/" + a.prefixLength());
            }
        }
        long candidate = a.network() + 1 == a.address() ? a.network() + 2 : a.network() + 1;
        return Optional.of(Ipv4.format(candidate) + "/" + a.prefixLength());
    }

    /** A client address on the subnet that is neither the router, a server, nor network/broadcast. */
    private static long freeHost(IpAddress net, Set<Long> targets, Topology topo) {
        for (long offset : new long[] {50, 60, 70, 2, 3}) {
            long a = net.network() + offset;
            if (a < net.broadcast() && !targets.contains(a) && !topo.isRouterAddress(a)) {
                return a;
            }
        }
        return -1;
    }
}
