package dev.natlint.rule;

import dev.natlint.flow.Flow;
import dev.natlint.flow.FlowAnalyzer;
import dev.natlint.flow.Forward;
import dev.natlint.flow.ForwardFlows;
import dev.natlint.flow.RuleMatcher;
import dev.natlint.flow.Source;
import dev.natlint.flow.Stage;
import dev.natlint.flow.Translation;
import dev.natlint.flow.packet.Field;
import dev.natlint.flow.packet.Packet;
import dev.natlint.flow.packet.PacketBox;
import dev.natlint.flow.packet.PacketSet;
import dev.natlint.graph.RouteResult;
import dev.natlint.model.FirewallRule;
import dev.natlint.policy.Guard;
import dev.natlint.model.IpAddress;
import dev.natlint.model.Table;
import dev.natlint.net.IntervalSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@link Analysis} answered by the engine: every question delegates to one file's {@link FlowAnalyzer}. */
final class EngineAnalysis implements Analysis {

    /** Rules ask about a connection's first packet: neither translated yet nor a reply. */
    private static final RuleMatcher.ConnState NEW = new RuleMatcher.ConnState(false, false);

    private final FlowAnalyzer analyzer;
    private List<ForwardFlows> flows;

    EngineAnalysis(FlowAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    @Override
    public synchronized List<ForwardFlows> flows() {
        if (flows == null) {
            flows = analyzer.flowsByForward();
        }
        return flows;
    }

    @Override
    public List<Forward> forwards() {
        return analyzer.forwards();
    }

    @Override
    public List<Source> sources() {
        return analyzer.sources();
    }

    @Override
    public List<Flow> flows(Forward forward, List<Source> sources) {
        return analyzer.flows(forward, sources);
    }

    @Override
    public Set<Integer> replyRoutingLines() {
        return analyzer.replyRouting().analysedLines();
    }

    @Override
    public List<FirewallRule> enabledRules(Table table, String chain) {
        return analyzer.runner().enabledRules(table, chain);
    }

    @Override
    public Match newConnections(FirewallRule rule, Stage stage) {
        RuleMatcher.Match m = analyzer.matcher().match(rule, stage, NEW);
        return new Match(m.packets(), m.assumptions(), m.hull());
    }

    @Override
    public Match newConnections(List<Guard> guards, Stage stage) {
        RuleMatcher.Match m = analyzer.matcher().match(guards, stage, NEW);
        return new Match(m.packets(), m.assumptions(), m.hull());
    }

    @Override
    public List<Guard> failingGuards(FirewallRule rule, Stage stage, Packet p) {
        return analyzer.matcher().failingGuards(analyzer.policy().of(rule), stage, NEW, p);
    }

    @Override
    public List<FirewallRule> dstnatRulesTaking(PacketSet packets) {
        List<FirewallRule> out = new ArrayList<>();
        analyzer.runner().run(Table.NAT, "dstnat", packets, Translation.NONE, Stage.DSTNAT, NEW).forEach(o -> {
            if (o.rule() != null) {
                out.add(o.rule());
            }
        });
        return out;
    }

    @Override
    public PacketBox anyPacket() {
        return PacketBox.all(analyzer.space().universe());
    }

    @Override
    public PacketBox arrivingOn(String iface) {
        return anyPacket().with(Field.IN_INTERFACE, analyzer.space().iface(iface));
    }

    @Override
    public IntervalSet routerAddresses() {
        return analyzer.space().local();
    }

    @Override
    public String describe(long address) {
        return analyzer.space().describe(address);
    }

    @Override
    public String interfaceName(int index) {
        return analyzer.space().universe().interfaceName(index);
    }

    @Override
    public List<String> lanInterfaces() {
        return analyzer.topology().lanInterfaces();
    }

    @Override
    public List<String> wanInterfaces() {
        return analyzer.topology().wanInterfaces();
    }

    @Override
    public List<IpAddress> addressesOn(String iface) {
        return analyzer.topology().addressesOn(iface);
    }

    @Override
    public Set<String> dynamicAddressInterfaces() {
        return analyzer.topology().dynamicAddressInterfaces();
    }

    @Override
    public Optional<IpAddress> connectedSubnetOf(long address) {
        return analyzer.topology().connectedSubnetOf(address);
    }

    @Override
    public Optional<RouteResult> routeTo(long address) {
        return analyzer.topology().route(address);
    }

    @Override
    public Optional<String> defaultRouteInterface() {
        return analyzer.topology().defaultRouteInterface();
    }

    @Override
    public Optional<String> egressOf(String gateway) {
        return analyzer.topology().egressOf(gateway);
    }
}
