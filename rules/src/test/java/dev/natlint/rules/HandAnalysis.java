package dev.natlint.rules;

import dev.natlint.diag.Location;
import dev.natlint.flow.Flow;
import dev.natlint.flow.Forward;
import dev.natlint.flow.ForwardFlows;
import dev.natlint.flow.Source;
import dev.natlint.flow.Stage;
import dev.natlint.flow.packet.Field;
import dev.natlint.flow.packet.Packet;
import dev.natlint.flow.packet.PacketBox;
import dev.natlint.flow.packet.PacketSet;
import dev.natlint.flow.packet.Universe;
import dev.natlint.graph.RouteResult;
import dev.natlint.model.FirewallRule;
import dev.natlint.model.IpAddress;
import dev.natlint.model.RouterConfig;
import dev.natlint.model.Table;
import dev.natlint.net.IntervalSet;
import dev.natlint.net.Ipv4;
import dev.natlint.rule.Analysis;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * An {@link Analysis} written by hand in a rule's test: the forwards, flows and verdicts the test states,
 * the interfaces and addresses it names, and answers derived from those alone (the connected subnet of an
 * address is the stated address whose subnet holds it). Nothing here runs the engine, so a test shows
 * what a rule makes of given verdicts. A question the test did not prepare fails it.
 */
final class HandAnalysis implements Analysis {

    private final RouterConfig config;
    private final Universe universe;
    private final List<ForwardFlows> flows = new ArrayList<>();
    private final List<Source> sources = new ArrayList<>();
    private final List<String> lan = new ArrayList<>();
    private final List<String> wan = new ArrayList<>();
    private final Set<String> dynamic = new TreeSet<>();
    private final Map<String, List<IpAddress>> addresses = new LinkedHashMap<>();
    private final Map<Long, RouteResult> routes = new LinkedHashMap<>();
    private final Map<String, String> egress = new LinkedHashMap<>();
    private final Map<FirewallRule, Match> matches = new IdentityHashMap<>();
    private final Map<String, Match> byProperty = new LinkedHashMap<>();
    private final Map<FirewallRule, List<String>> failing = new IdentityHashMap<>();
    private final Set<Integer> replyRouting = new TreeSet<>();
    private String defaultRoute;

    /** {@code interfaces} are the names packets' interface indexes stand for, in index order. */
    HandAnalysis(RouterConfig config, String... interfaces) {
        this.config = config;
        this.universe = new Universe(List.of(), List.of(interfaces));
    }

    // ---- what the test states ----------------------------------------------------------------------

    HandAnalysis lan(String iface, String address) {
        lan.add(iface);
        return address(iface, address);
    }

    /** A WAN with a static address, or with a dynamic one when {@code address} is null. */
    HandAnalysis wan(String iface, String address) {
        wan.add(iface);
        if (address == null) {
            dynamic.add(iface);
            return this;
        }
        return address(iface, address);
    }

    private HandAnalysis address(String iface, String cidr) {
        long[] p = Ipv4.parsePrefix(cidr).orElseThrow();
        long a = Ipv4.parse(cidr.substring(0, cidr.indexOf('/'))).orElseThrow();
        addresses.computeIfAbsent(iface, k -> new ArrayList<>())
                .add(new IpAddress(a, (int) p[1], iface, false, new Location("test.rsc", 0, 0)));
        return this;
    }

    HandAnalysis source(Source s) {
        sources.add(s);
        return this;
    }

    HandAnalysis forward(Forward fw, Flow... of) {
        flows.add(new ForwardFlows(fw, List.of(of)));
        return this;
    }

    HandAnalysis route(String address, RouteResult r) {
        routes.put(Ipv4.parse(address).orElseThrow(), r);
        return this;
    }

    HandAnalysis defaultRoute(String iface) {
        defaultRoute = iface;
        return this;
    }

    HandAnalysis egress(String gateway, String iface) {
        egress.put(gateway, iface);
        return this;
    }

    /** What {@code rule}'s own matchers admit of new connections. */
    HandAnalysis matches(FirewallRule rule, PacketSet packets) {
        matches.put(rule, new Match(packets, List.of(), packets.hull()));
        return this;
    }

    HandAnalysis matchesAssuming(FirewallRule rule, PacketSet packets, String assumption) {
        matches.put(rule, new Match(packets, List.of(assumption), packets.hull()));
        return this;
    }

    /** What a rule of the one matcher {@code property=value} admits: for rules a rule builds to probe one matcher. */
    HandAnalysis matchesOnly(String propertyAndValue, PacketSet packets) {
        byProperty.put(propertyAndValue, new Match(packets, List.of(), packets.hull()));
        return this;
    }

    HandAnalysis failing(FirewallRule rule, String... properties) {
        failing.put(rule, List.of(properties));
        return this;
    }

    HandAnalysis replyRouting(int line) {
        replyRouting.add(line);
        return this;
    }

    Universe universe() {
        return universe;
    }

    /** Packets from {@code iface}'s clients in {@code src} to {@code dst}:{@code port}/tcp. */
    PacketSet tcp(String iface, String src, String dst, int port) {
        return PacketSet.of(arrivingOn(iface).with(Field.SRC_ADDRESS, Ipv4.parseAddressSpec(src).orElseThrow())
                .with(Field.DST_ADDRESS, Ipv4.parseAddressSpec(dst).orElseThrow())
                .with(Field.PROTOCOL, IntervalSet.point(6)).with(Field.DST_PORT, IntervalSet.point(port)));
    }

    // ---- the answers -------------------------------------------------------------------------------

    @Override
    public List<ForwardFlows> flows() {
        return List.copyOf(flows);
    }

    @Override
    public List<Forward> forwards() {
        return flows.stream().map(ForwardFlows::forward).toList();
    }

    @Override
    public List<Source> sources() {
        return List.copyOf(sources);
    }

    @Override
    public List<Flow> flows(Forward forward, List<Source> from) {
        return flows.stream().filter(ff -> ff.forward().line() == forward.line()).flatMap(ff -> ff.flows().stream())
                .filter(f -> from.contains(f.source())).toList();
    }

    @Override
    public Set<Integer> replyRoutingLines() {
        return Set.copyOf(replyRouting);
    }

    @Override
    public List<FirewallRule> enabledRules(Table table, String chain) {
        return config.rules(table).stream().filter(r -> !r.disabled() && r.chain().equals(chain)).toList();
    }

    @Override
    public Match newConnections(FirewallRule rule, Stage stage) {
        Match m = matches.get(rule);
        if (m == null && rule.properties().size() == 1) {
            m = rule.properties().entrySet().stream().map(e -> byProperty.get(e.getKey() + "=" + e.getValue()))
                    .findFirst().orElse(null);
        }
        if (m == null) {
            throw new AssertionError("the test states no match for the rule at line " + rule.location().line());
        }
        return m;
    }

    @Override
    public Match newConnections(List<dev.natlint.policy.Guard> guards, Stage stage) {
        if (guards.size() == 1) {
            Match m = byProperty.get(guards.get(0).property() + "=" + guards.get(0).written());
            if (m != null) {
                return m;
            }
        }
        throw new AssertionError("the test states no match for " + guards);
    }

    /** The rule's guards of the properties the test says the packet fails, in the rule's order. */
    @Override
    public List<dev.natlint.policy.Guard> failingGuards(FirewallRule rule, Stage stage, Packet p) {
        List<String> names = failing.getOrDefault(rule, List.of());
        return dev.natlint.policy.Policy.of(config).of(rule).guards().stream()
                .filter(g -> names.contains(g.property())).toList();
    }

    /** The stated matches of the dstnat chain, first match wins. */
    @Override
    public List<FirewallRule> dstnatRulesTaking(PacketSet packets) {
        List<FirewallRule> out = new ArrayList<>();
        PacketSet rest = packets;
        for (FirewallRule r : enabledRules(Table.NAT, "dstnat")) {
            Match m = matches.get(r);
            if (m != null && !rest.intersect(m.packets()).isEmpty()) {
                out.add(r);
                rest = rest.subtract(m.packets());
            }
        }
        return out;
    }

    @Override
    public PacketBox anyPacket() {
        return PacketBox.all(universe);
    }

    @Override
    public PacketBox arrivingOn(String iface) {
        return anyPacket().with(Field.IN_INTERFACE, IntervalSet.point(universe.interfaceIndex(iface)));
    }

    @Override
    public IntervalSet routerAddresses() {
        List<IntervalSet> own = new ArrayList<>();
        addresses.values().forEach(l -> l.forEach(a -> own.add(IntervalSet.point(a.address()))));
        return IntervalSet.unionAll(own);
    }

    @Override
    public String describe(long address) {
        return universe.describeAddress(address);
    }

    @Override
    public String interfaceName(int index) {
        return universe.interfaceName(index);
    }

    @Override
    public List<String> lanInterfaces() {
        return List.copyOf(lan);
    }

    @Override
    public List<String> wanInterfaces() {
        return List.copyOf(wan);
    }

    @Override
    public List<IpAddress> addressesOn(String iface) {
        return addresses.getOrDefault(iface, List.of());
    }

    @Override
    public Set<String> dynamicAddressInterfaces() {
        return new LinkedHashSet<>(dynamic);
    }

    @Override
    public Optional<IpAddress> connectedSubnetOf(long address) {
        return addresses.values().stream().flatMap(List::stream)
                .filter(a -> a.network() <= address && address <= a.broadcast()).findFirst();
    }

    @Override
    public Optional<RouteResult> routeTo(long address) {
        return Optional.ofNullable(routes.get(address));
    }

    @Override
    public Optional<String> defaultRouteInterface() {
        return Optional.ofNullable(defaultRoute);
    }

    @Override
    public Optional<String> egressOf(String gateway) {
        return Optional.ofNullable(egress.get(gateway));
    }
}
