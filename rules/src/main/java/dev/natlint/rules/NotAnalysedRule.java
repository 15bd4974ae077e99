package dev.natlint.rules;

import dev.natlint.diag.Assumption;
import dev.natlint.diag.Certainty;
import dev.natlint.diag.Finding;
import dev.natlint.diag.Location;
import dev.natlint.diag.Severity;
import dev.natlint.flow.Flow;
import dev.natlint.flow.Forward;
import dev.natlint.flow.ForwardFlows;
import dev.natlint.flow.Source;
import dev.natlint.flow.Stage;
import dev.natlint.flow.packet.Field;
import dev.natlint.net.IntervalSet;
import dev.natlint.flow.packet.PacketBox;
import dev.natlint.flow.packet.PacketSet;
import dev.natlint.model.ConfigItem;
import dev.natlint.model.FirewallRule;
import dev.natlint.model.Route;
import dev.natlint.model.RouterConfig;
import dev.natlint.model.Table;
import dev.natlint.model.UnmatchedChange;
import dev.natlint.net.Ipv4;
import dev.natlint.net.Ports;
import dev.natlint.parse.Command;
import dev.natlint.rule.Analysis;
import dev.natlint.policy.Action;
import dev.natlint.policy.Guard;
import dev.natlint.policy.Policy;
import dev.natlint.policy.PolicyRule;
import dev.natlint.rule.RuleContext;
import dev.natlint.rule.RulePattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What natlint did not analyse and what could change a forward's verdict, each at its own line: so
 * that "no findings" is never said where natlint only assumed. Raw-table drops, policy routing,
 * firewall commands inside script blocks, forwards whose values
 * cannot be read, verdicts resting on unmodelled matchers, and analyses that ran out of budget.
 */
@RulePattern(id = NotAnalysedRule.ID, severity = Severity.WARNING,
        summary = "A construct natlint does not analyse may change a forward's verdict",
        description = "natlint follows the router's packet flow through dst-nat, routing in the main table, the filter"
                + " forward chain and src-nat. This construct lies outside what it models (the raw table,"
                + " policy routing, script blocks, values it cannot read, unmodelled matchers),"
                + " so the verdicts of the forwards it can affect are not proven.")
public final class NotAnalysedRule extends BaseRule {

    public static final String ID = "not-analysed";

    /** Menus whose commands, if run, change what natlint analyses. */
    private static final Set<String> ANALYSED_MENUS = Set.of("/ip firewall nat", "/ip firewall filter",
            "/ip firewall mangle", "/ip firewall raw", "/ip firewall address-list", "/ip address", "/ip route",
            "/ip dhcp-client", "/interface list member", "/interface list", "/interface bridge port",
            "/interface vlan", "/interface pppoe-client", "/routing rule", "/ip route rule", "/ip vrf");


    @Override
    public List<Finding> check(RuleContext ctx) {
        // one finding per line: several reasons at one line are joined, so the report stays short
        Map<Integer, Set<String>> byLine = new TreeMap<>();
        RouterConfig config = ctx.config();
        Analysis analyzer = ctx.analysis();
        List<Forward> forwards = analyzer.forwards();
        conditionalCommands(ctx, !forwards.isEmpty(), byLine);
        unreadableForwards(ctx.policy(), forwards, byLine);
        if (!forwards.isEmpty()) {
            unmatchedChanges(config, byLine);
            rawDrops(ctx, forwards, byLine);
            policyRouting(config, ctx.policy(), analyzer.replyRoutingLines(), byLine);
            assumedVerdicts(ctx, byLine);
        }
        List<Finding> out = new ArrayList<>();
        byLine.forEach((line, reasons) -> out.add(finding(new Location(ctx.file(), line, 1),
                String.join("; ", reasons) + ".", null)));
        return out;
    }

    private static void add(Map<Integer, Set<String>> byLine, int line, String reason) {
        byLine.computeIfAbsent(line, k -> new TreeSet<>()).add(reason);
    }

    /**
     * Commands natlint does not apply because they sit in a script block. Without forwards only a
     * dst-nat matters (it could create one); a run of such commands is one finding at its first line.
     */
    private static void conditionalCommands(RuleContext ctx, boolean anyForward, Map<Integer, Set<String>> byLine) {
        List<Command> run = new ArrayList<>();
        for (Command c : ctx.script().commands()) {
            boolean relevant = c.conditional() && !c.script() && ANALYSED_MENUS.contains(c.menu())
                    && (anyForward || (c.isMenu("/ip firewall nat") && c.args().stream().anyMatch(a ->
                    a instanceof dev.natlint.parse.Arg.Property p && p.name().equals("action")
                            && p.value().text().equals("dst-nat"))));
            if (relevant) {
                run.add(c);
            } else if (!c.script() || !c.conditional()) {
                reportRun(run, byLine);
            }
        }
        reportRun(run, byLine);
    }

    private static void reportRun(List<Command> run, Map<Integer, Set<String>> byLine) {
        if (run.isEmpty()) {
            return;
        }
        Command first = run.get(0);
        String what = run.size() == 1 ? "this " + first.menu() + " " + first.verb() + " is"
                : "this " + first.menu() + " " + first.verb() + " and the next " + (run.size() - 1) + " commands (to line "
                + run.get(run.size() - 1).location().line() + ") are";
        add(byLine, first.location().line(), what + " inside a script block (:if, :foreach, :do, a function) that natlint"
                + " does not run; if the router runs them, the forwards' verdicts may differ");
        run.clear();
    }

    /** Enabled dst-nat rules that natlint could not turn into a forward, with why. */
    private static void unreadableForwards(Policy policy, List<Forward> forwards, Map<Integer, Set<String>> byLine) {
        Set<FirewallRule> analysed = new java.util.HashSet<>();
        forwards.forEach(f -> analysed.add(f.rule()));
        for (PolicyRule r : policy.rules(Table.NAT)) {
            if (r.disabled() || !(r.action() instanceof Action.DstNat dstNat) || r.chain().equals("srcnat")
                    || analysed.contains(r.source())) {
                continue;
            }
            Action.NatTarget to = dstNat.to();
            String why;
            if (to.addressesWritten().isEmpty()) {
                why = "this dst-nat has no to-addresses (it changes only the port, on the router itself), which natlint"
                        + " does not analyse as a forward";
            } else if (to.addresses().isEmpty()) {
                why = "to-addresses=" + to.addressesWritten().get() + " cannot be read (a variable or not an IPv4 address),"
                        + " so this forward is not analysed";
            } else {
                why = unreadableMatcher(r, to).map(written -> written + " cannot be read, so this forward"
                        + " is not analysed").orElse("natlint finds no public address this forward applies to, so it is"
                        + " not analysed");
            }
            add(byLine, r.location().line(), why);
        }
    }

    /** The first matcher or port argument of a dst-nat that cannot be read, quoted as written. */
    private static Optional<String> unreadableMatcher(PolicyRule r, Action.NatTarget to) {
        for (Guard.PortSide side : List.of(Guard.PortSide.DST, Guard.PortSide.EITHER)) {
            Optional<Guard.Ports> ports = r.ports(side);
            if (ports.isPresent() && ports.get().ports().isEmpty()) {
                return Optional.of(ports.get().quoted());
            }
        }
        if (to.portsWritten().isPresent() && to.ports().isEmpty()) {
            return Optional.of("to-ports=" + to.portsWritten().get());
        }
        Optional<Guard.Address> dst = r.address(Guard.Side.DST).filter(g -> !g.negated());
        if (dst.isPresent() && dst.get().addresses().isEmpty()) {
            return Optional.of(dst.get().quoted());
        }
        return Optional.empty();
    }

    /**
     * A change whose selection finds nothing the script creates, in a menu natlint analyses: on the router it
     * may change something that exists before the script (a default-configuration rule, a factory address).
     */
    private static void unmatchedChanges(RouterConfig config, Map<Integer, Set<String>> byLine) {
        for (UnmatchedChange u : config.unmatchedChanges()) {
            if (ANALYSED_MENUS.contains(u.menu())) {
                add(byLine, u.location().line(), "this " + u.verb() + " finds nothing the script creates; on the router"
                        + " it may change an item that exists before the script runs (a default), which natlint cannot"
                        + " see, so the verdicts here are for the script as written");
            }
        }
    }

    /**
     * Raw prerouting runs before connection tracking and dst-nat. A drop there that can meet the
     * forward's first packets from LAN clients, the server's replies, or internet clients of the
     * forwarded service (a rule that names the service, not only a source blocklist) is reported.
     */
    private static void rawDrops(RuleContext ctx, List<Forward> forwards, Map<Integer, Set<String>> byLine) {
        Analysis analyzer = ctx.analysis();
        List<Source> sources = analyzer.sources();
        for (PolicyRule raw : ctx.policy().enabled(Table.RAW, "prerouting")) {
            if (!raw.action().drops()) {
                continue;
            }
            PacketSet drops = analyzer.newConnections(raw.source(), Stage.DSTNAT).packets();
            if (drops.isEmpty()) {
                continue;
            }
            boolean namesService = raw.guards().stream().anyMatch(NotAnalysedRule::namesService);
            for (Forward f : forwards) {
                if (meets(analyzer, drops, f, sources, namesService)) {
                    add(byLine, raw.location().line(), "the raw table is not analysed, and this drop in raw prerouting"
                            + " (before dst-nat) can meet connections to the forward at line " + f.line());
                }
            }
        }
    }

    /** A matcher on the service side: destination port, address, list, address type, or protocol. */
    private static boolean namesService(Guard g) {
        return g instanceof Guard.Ports p && p.side() != Guard.PortSide.SRC
                || g instanceof Guard.Address a && a.side() == Guard.Side.DST
                || g instanceof Guard.AddressList l && l.side() == Guard.Side.DST
                || g instanceof Guard.AddressType t && t.side() == Guard.Side.DST
                || g instanceof Guard.Protocol;
    }

    private static boolean meets(Analysis analyzer, PacketSet drops, Forward f, List<Source> sources,
                                 boolean namesService) {
        for (Source s : sources) {
            if (s.internet() && !namesService) {
                continue;
            }
            PacketBox request = analyzer.arrivingOn(s.iface()).with(Field.SRC_ADDRESS, s.addresses())
                    .with(Field.DST_ADDRESS, f.publicAddresses()).with(Field.PROTOCOL, f.protocols())
                    .with(Field.DST_PORT, f.ports());
            if (!drops.intersect(PacketSet.of(request)).isEmpty()) {
                return true;
            }
        }
        // the server's reply enters the router on the server's side, from the translated address and port
        IntervalSet replyPorts = f.targetPorts() != null ? f.targetPorts() : f.ports();
        PacketBox reply = analyzer.anyPacket().with(Field.SRC_ADDRESS, f.targetAddresses())
                .with(Field.PROTOCOL, f.protocols()).with(Field.SRC_PORT, replyPorts);
        return !drops.intersect(PacketSet.of(reply)).isEmpty();
    }

    /** natlint routes by the main table only; anything that routes some packets otherwise is reported. */
    private static void policyRouting(RouterConfig config, Policy policy, Set<Integer> followed,
                                      Map<Integer, Set<String>> byLine) {
        for (PolicyRule r : policy.rules(Table.MANGLE)) {
            if (!r.disabled() && r.action() instanceof Action.SetMark m && m.kind() == Guard.MarkKind.ROUTING
                    && !followed.contains(r.location().line())) {
                add(byLine, r.location().line(), "routing marks are not analysed: natlint routes every packet, replies"
                        + " included, by the main table");
            }
        }
        for (Route r : config.routes()) {
            if (!r.disabled() && !"main".equals(r.routingTable()) && !followed.contains(r.location().line())) {
                add(byLine, r.location().line(), "routing table " + r.routingTable() + " is not analysed: natlint routes"
                        + " every packet by the main table");
            }
        }
        for (String menu : List.of("/routing rule", "/ip route rule")) {
            for (ConfigItem i : config.items(menu)) {
                if (!i.disabled() && i.location() != null) {
                    add(byLine, i.location().line(), "routing rules are not analysed: natlint routes every packet by the"
                            + " main table");
                }
            }
        }
        for (ConfigItem i : config.items("/ip vrf")) {
            if (!i.disabled() && i.location() != null) {
                add(byLine, i.location().line(), "VRFs are not analysed: natlint routes every packet by the main table");
            }
        }
    }

    /**
     * Verdicts that rest on what natlint did not analyse and that no other rule reports: working flows
     * whose verdict rests on an assumption, and every flow whose verdict is unknown.
     */
    private static void assumedVerdicts(RuleContext ctx, Map<Integer, Set<String>> byLine) {
        // (line, reason, forward) -> which clients' working verdict rests on it
        Map<String, Set<String>> working = new TreeMap<>();
        Map<String, Integer> lineOf = new TreeMap<>();
        for (ForwardFlows ff : ctx.flows()) {
            for (Flow f : ff.flows()) {
                for (Assumption a : f.assumptions()) {
                    if (a.certainty() == Certainty.UNKNOWN) {
                        // the first reason per client group is enough to say why it is unknown
                        String key = "the verdict for " + f.source().name() + " is unknown: ";
                        Set<String> here = byLine.getOrDefault(ff.forward().line(), Set.of());
                        if (here.stream().noneMatch(r -> r.startsWith(key))) {
                            add(byLine, ff.forward().line(), key + a.describe());
                        }
                    } else if (f.works() && a.line() != ff.forward().line()) {
                        // an assumption at the forward's own line is about its own choice (which of its target
                        // addresses, its own time=): a working verdict does not hang on another rule there
                        String key = a.reason() + ": the forward at line " + ff.forward().line();
                        working.computeIfAbsent(key, k -> new TreeSet<>()).add(f.source().internet() ? "internet" : "LAN");
                        lineOf.put(key, a.line() > 0 ? a.line() : ff.forward().line());
                    }
                }
            }
        }
        working.forEach((key, clients) -> add(byLine, lineOf.get(key), key + " works for " + String.join(" and ",
                clients) + " clients only under this assumption"));
    }
}
