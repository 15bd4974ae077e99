package dev.natlint.rules;

import dev.natlint.diag.Assumption;
import dev.natlint.flow.Flow;
import dev.natlint.flow.Forward;
import dev.natlint.flow.Source;
import dev.natlint.flow.Step;
import dev.natlint.flow.Verdict;
import dev.natlint.flow.packet.Packet;
import dev.natlint.flow.packet.PacketSet;
import dev.natlint.model.ConfigBuilder;
import dev.natlint.model.FirewallRule;
import dev.natlint.model.RouterConfig;
import dev.natlint.model.Table;
import dev.natlint.net.IntervalSet;
import dev.natlint.net.Ipv4;
import dev.natlint.parse.ParsedScript;
import dev.natlint.parse.RouterOsReader;
import dev.natlint.rule.Analysis;
import dev.natlint.rule.RuleContext;
import java.util.List;
import java.util.function.Function;

/** Small builders for rule tests: a few script lines for the rules themselves, flows written by hand. */
final class RuleTests {

    static final String FILE = "test.rsc";

    private RuleTests() {
    }

    static RouterConfig config(String script) {
        return ConfigBuilder.build(RouterOsReader.read(FILE, script));
    }

    /**
     * The context of {@code script} whose analysis is {@code before}, and, for the script with a fix
     * appended (the check natlint runs before printing a fix), {@code afterFix}.
     */
    static RuleContext context(String script, Function<RouterConfig, HandAnalysis> before,
                               Function<RouterConfig, HandAnalysis> afterFix) {
        ParsedScript parsed = RouterOsReader.read(FILE, script);
        RouterConfig config = ConfigBuilder.build(parsed);
        Function<RuleContext, Analysis> analyses = c -> c.text().equals(script) ? before.apply(c.config())
                : afterFix.apply(c.config());
        return new RuleContext(script, parsed, config, analyses);
    }

    static RuleContext context(String script, Function<RouterConfig, HandAnalysis> analysis) {
        return context(script, analysis, c -> {
            throw new AssertionError("this test expects no fix check");
        });
    }

    /** The rule of {@code table} written at {@code line}. */
    static FirewallRule rule(RouterConfig config, Table table, int line) {
        return config.rules(table).stream().filter(r -> r.location().line() == line).findFirst().orElseThrow();
    }

    /** A tcp forward of one public address and port to one target (the port kept when {@code toPort} is 0). */
    static Forward forward(FirewallRule r, String publicAddress, int port, String target, int toPort) {
        return new Forward(r, IntervalSet.point(ip(publicAddress)), IntervalSet.point(6), IntervalSet.point(port),
                IntervalSet.point(ip(target)), toPort == 0 ? null : IntervalSet.point(toPort));
    }

    static Source lanSource(String iface, String subnet) {
        return new Source("LAN " + iface + " " + subnet, iface, Ipv4.parseAddressSpec(subnet).orElseThrow(), false);
    }

    static Source internet(String iface) {
        return new Source("internet via " + iface, iface, IntervalSet.of(ip("1.0.0.0"), ip("9.255.255.255")), true);
    }

    /**
     * A flow of {@code client}'s tcp connection to the forward's public address and port, its first two
     * steps (sent; after dst-nat), and a verdict.
     */
    static Flow flow(HandAnalysis a, Forward fw, Source s, String client, Verdict v, FirewallRule decisive,
                     FirewallRule related, boolean replyDropped, Assumption... assumptions) {
        long pub = fw.publicAddresses().min();
        int port = (int) fw.ports().min();
        int toPort = fw.targetPorts() == null ? port : (int) fw.targetPorts().min();
        String target = Ipv4.format(fw.targetAddresses().min());
        Packet example = new Packet(ip(client), pub, 6, 50000, port, a.universe().interfaceIndex(s.iface()), -1);
        List<Step> steps = List.of(new Step(1, client, 50000, Ipv4.format(pub), port, "client sends", 0),
                new Step(2, client, 50000, target, toPort, "dst-nat", fw.line()));
        PacketSet packets = a.tcp(s.iface(), client, Ipv4.format(pub), port);
        return new Flow(fw, s, packets, v, steps, decisive, related,
                java.util.Arrays.stream(assumptions).filter(java.util.Objects::nonNull).toList(), example, replyDropped);
    }

    static Flow flow(HandAnalysis a, Forward fw, Source s, String client, Verdict v) {
        return flow(a, fw, s, client, v, null, null, false);
    }

    static long ip(String address) {
        return Ipv4.parse(address).orElseThrow();
    }
}
