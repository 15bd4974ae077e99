package dev.natlint.rule;

import dev.natlint.flow.Flow;
import dev.natlint.flow.Forward;
import dev.natlint.flow.ForwardFlows;
import dev.natlint.flow.Source;
import dev.natlint.flow.Stage;
import dev.natlint.flow.packet.Packet;
import dev.natlint.flow.packet.PacketBox;
import dev.natlint.flow.packet.PacketSet;
import dev.natlint.graph.RouteResult;
import dev.natlint.model.FirewallRule;
import dev.natlint.policy.Guard;
import dev.natlint.model.IpAddress;
import dev.natlint.model.Table;
import dev.natlint.net.IntervalSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a rule may ask of the analysis of one file: the flows and their verdicts, what the typed
 * firewall rules match, and a few named facts about the router's interfaces and routes. Rules see this
 * and nothing of the engine behind it (runner, matcher, topology), so the engine can change without
 * touching them, and a rule can be tested against flows built by hand. The engine's implementation
 * delegates to the file's {@link dev.natlint.flow.FlowAnalyzer}.
 */
public interface Analysis {

    // ---- flows and verdicts ------------------------------------------------------------------------

    /** Flows of every forward from every LAN subnet and internet uplink, grouped by forward in router order. */
    List<ForwardFlows> flows();

    /** {@link #flows()} in one list: forwards in router order, then sources. */
    default List<Flow> allFlows() {
        return flows().stream().flatMap(f -> f.flows().stream()).toList();
    }

    /** Every forward (enabled dst-nat rule outside srcnat), in router order. */
    List<Forward> forwards();

    /** The client groups flows start from: each LAN subnet, and the internet on each WAN. */
    List<Source> sources();

    /** The flows of one forward from {@code sources} only: fix checks re-run just the clients they can change. */
    List<Flow> flows(Forward forward, List<Source> sources);

    /** Lines of the mangle and route commands natlint follows as reply routing for an uplink. */
    Set<Integer> replyRoutingLines();

    // ---- the typed rules ---------------------------------------------------------------------------

    /** The enabled rules of one chain, in order. */
    List<FirewallRule> enabledRules(Table table, String chain);

    /**
     * What {@code rule}'s own matchers admit of a new connection's first packet at {@code stage},
     * independent of the rules before it.
     */
    Match newConnections(FirewallRule rule, Stage stage);

    /** What {@code guards} alone admit of a new connection's first packet at {@code stage}. */
    Match newConnections(List<Guard> guards, Stage stage);

    /** The guards of {@code rule} that the new connection's packet {@code p} fails, in the rule's order. */
    List<Guard> failingGuards(FirewallRule rule, Stage stage, Packet p);

    /** The dstnat rules, in order, that take some of the new connections in {@code packets}. */
    List<FirewallRule> dstnatRulesTaking(PacketSet packets);

    /**
     * What a rule matches and what had to be assumed to say so ({@code time=}, {@code limit=} ...).
     * {@code hull} bounds the packets field by field, so a disjoint rule is skipped without set algebra.
     */
    record Match(PacketSet packets, List<String> assumptions, PacketBox hull) {
    }

    // ---- packets and names -------------------------------------------------------------------------

    /** Every packet this file's analysis distinguishes: build a probe by narrowing it. */
    PacketBox anyPacket();

    /** {@link #anyPacket()} arriving on {@code iface}. */
    PacketBox arrivingOn(String iface);

    /** Every address of the router itself (what {@code dst-address-type=local} matches). */
    IntervalSet routerAddresses();

    /** An address as findings write it: dotted, or the name of a dynamic address. */
    String describe(long address);

    /** The name of the interface a packet's interface index stands for. */
    String interfaceName(int index);

    // ---- named topology facts ----------------------------------------------------------------------

    List<String> lanInterfaces();

    List<String> wanInterfaces();

    /** The router's static addresses on {@code iface}. */
    List<IpAddress> addressesOn(String iface);

    /** Interfaces whose address is dynamic (DHCP client, PPPoE). */
    Set<String> dynamicAddressInterfaces();

    /** The router's address whose connected subnet holds {@code address}. */
    Optional<IpAddress> connectedSubnetOf(long address);

    /** How the router routes to {@code address} (main table). */
    Optional<RouteResult> routeTo(long address);

    /** The interface of the main table's default route. */
    Optional<String> defaultRouteInterface();

    /** The interface a gateway is reached through. */
    Optional<String> egressOf(String gateway);
}
