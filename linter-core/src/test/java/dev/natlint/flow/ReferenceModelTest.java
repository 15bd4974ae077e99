package dev.natlint.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.natlint.diag.Certainty;
import dev.natlint.flow.packet.Field;
import dev.natlint.flow.packet.Packet;
import dev.natlint.flow.packet.Universe;
import dev.natlint.model.AddressListEntry;
import dev.natlint.model.ConfigBuilder;
import dev.natlint.model.FirewallRule;
import dev.natlint.model.RouterConfig;
import dev.natlint.net.IntervalSet;
import dev.natlint.parse.RouterOsReader;
import dev.natlint.reference.PacketFlowOracle;
import dev.natlint.reference.PacketFlowOracle.Answer;
import dev.natlint.reference.PacketFlowOracle.Lease;
import dev.natlint.reference.RouterGenerator;
import dev.natlint.reference.RouterGenerator.Lan;
import dev.natlint.reference.RouterGenerator.Router;
import dev.natlint.reference.RouterGenerator.Uplink;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Property test against an independent reference model: on generated routers ({@link RouterGenerator}: DHCP,
 * PPPoE and static uplinks, one or two of them, bridges and VLANs, LAN routers, address and port ranges,
 * hairpin masquerades present, absent, disabled and shadowed, forward drops, unmodelled matchers), clients
 * chosen from the generated network alone (every LAN subnet: low, middle and high hosts; the internet on each
 * uplink: a far host and a neighbour on a static uplink's subnet; every public address of the forward; the
 * ends and the middle of every forwarded port range) are run through {@link PacketFlowOracle}, which shares no
 * code with the analysis, and compared with the flow natlint puts each packet in:
 * <ul>
 * <li>natlint has a flow holding the packet;</li>
 * <li>when the oracle's verdict does not depend on anything unknown, every such flow has that verdict;</li>
 * <li>when it does (an unmodelled matcher, a DNS name, the run-time address of an uplink, a kernel choice
 *     within a range), no such flow claims an exact verdict, and every assumed verdict is one the oracle finds
 *     in some case; when only the kernel's choice within a range varies, natlint names every outcome.</li>
 * </ul>
 * A failure prints the seed, the packet, both answers and the generated script.
 *
 * <p>The oracle models, for one connection: delivery by the internet, the dstnat chain with jumps, every choice
 * within {@code to-addresses}/{@code to-ports} ranges, main-table routing (connected, static, blackhole, DHCP and
 * PPPoE default routes with distances), the mangle prerouting, forward and postrouting chains with the
 * connection, packet and routing marks they set, the forward chain for request and reply, srcnat (masquerade by
 * next hop, src-nat), and the reply through the server's own gateway (the router or a LAN router). It does not
 * model raw, policy routing (a routing mark at a routing decision leaves the answer undecided), VRFs, netmap or
 * same as translations, helpers or IPv6 (the generator writes none of them), and it leaves open, as unknowns,
 * unmodelled matchers, DNS names in address lists,
 * an uplink's run-time address, a provider routing a foreign block and tied routes. Clients are never the LAN
 * router itself, nor a host behind it, and a dynamic uplink's subnet neighbours are not tried (natlint cannot
 * know that subnet).
 */
class ReferenceModelTest {

    private static final int SEEDS = 300;

    /** What one comparison over the seeds found. */
    private static final class Tally {
        final List<String> failures = new ArrayList<>();
        final Map<Verdict, Integer> definite = new EnumMap<>(Verdict.class);
        int packets;
        int open;
        int forwards;
        /** Packets the oracle decides while natlint's flow assumes a mark matcher sees an unmarked packet. */
        int decidedWhereNatlintAssumesMarks;
        /** ... and of them, those where natlint's verdict is not the oracle's. */
        int wrongWhereNatlintAssumesMarks;
        /** Disagreements by kind (the problem with its verdicts left out), for the summary line. */
        final Map<String, Integer> kinds = new java.util.TreeMap<>();
        /** The first disagreement of each kind, in full. */
        final Map<String, String> firstOfKind = new java.util.TreeMap<>();
    }

    @Test
    void natlintAgreesWithTheReferenceModel() {
        Tally t = compareAll(RouterGenerator::generate);
        System.out.printf("reference model: %d routers, %d forwards, %d client packets; decided: %s; open: %d%n",
                SEEDS, t.forwards, t.packets, t.definite, t.open);
        assertThat(t.failures).as("%d disagreements; the first ones in full:%n%s", t.failures.size(),
                String.join("\n\n", t.failures.subList(0, Math.min(t.failures.size(), 12)))).isEmpty();
        // the generator must reach every verdict, each decided exactly, or the comparison proves little
        assertThat(t.definite.keySet()).containsExactlyInAnyOrder(Verdict.values());
        assertThat(t.packets).isGreaterThan(20_000);
        assertThat(t.open).isGreaterThan(500);
        assertThat(t.forwards).isGreaterThan(SEEDS);
    }

    /**
     * The same comparison on the same routers with mangle rules and mark matchers added
     * ({@link RouterGenerator#generateWithMarks}): the oracle walks mangle prerouting, forward and postrouting
     * for the request and prerouting and forward for the reply, so a mark set there decides the rules that
     * match it, and natlint must agree where the oracle decides.
     */
    @Test
    void natlintFollowsMarksLikeTheReferenceModel() {
        Tally t = compareAll(RouterGenerator::generateWithMarks);
        System.out.printf("reference model with marks: %d routers, %d forwards, %d client packets; decided: %s; open: %d;"
                + " decided by the oracle where natlint assumes unmarked: %d, of them with another verdict: %d;"
                + " disagreements: %d %s%n", SEEDS, t.forwards, t.packets, t.definite, t.open,
                t.decidedWhereNatlintAssumesMarks, t.wrongWhereNatlintAssumesMarks, t.failures.size(), t.kinds);
        assertThat(t.failures).as("%d disagreements; the first of each kind in full:%n%s", t.failures.size(),
                String.join("\n\n", t.firstOfKind.values())).isEmpty();
        assertThat(t.packets).isGreaterThan(20_000);
        assertThat(t.forwards).isGreaterThan(SEEDS);
    }

    private static Tally compareAll(java.util.function.LongFunction<Router> generator) {
        Tally t = new Tally();
        List<String> failures = t.failures;
        Map<Verdict, Integer> definite = t.definite;
        for (long seed = 1; seed <= SEEDS; seed++) {
            Router g = generator.apply(seed);
            RouterConfig config = ConfigBuilder.build(RouterOsReader.read("seed-" + seed + ".rsc", g.script()));
            FlowAnalyzer analyzer = FlowAnalyzer.of(config);
            PacketFlowOracle oracle = new PacketFlowOracle(config, g.leaseCandidates());
            Universe u = analyzer.space().universe();
            List<Source> sources = analyzer.sources();
            Map<FirewallRule, Forward> byRule = new IdentityHashMap<>();
            analyzer.forwards().forEach(f -> byRule.put(f.rule(), f));
            Random rnd = new Random(seed);
            for (FirewallRule rule : config.natRules()) {
                if (rule.disabled() || !rule.action().equals("dst-nat") || rule.chain().equals("srcnat")
                        || rule.get("to-addresses").isEmpty()) {
                    continue;
                }
                Forward f = byRule.get(rule);
                if (f == null) {
                    failures.add("seed " + seed + ": natlint has no forward for line " + rule.location().line()
                            + "\n" + g.script());
                    continue;
                }
                t.forwards++;
                List<Flow> flows = analyzer.flows(f, sources);
                for (Probe probe : probes(g, config, rule, rnd)) {
                    t.packets++;
                    Packet p = new Packet(natlintAddress(u, g, probe.packet().src()),
                            natlintAddress(u, g, probe.packet().dst()), probe.packet().protocol(),
                            probe.packet().srcPort(), probe.packet().dstPort(), u.interfaceIndex(probe.packet().in()), 0);
                    List<Flow> holding = flows.stream().filter(fl -> fl.packets().boxes().stream().anyMatch(b ->
                            b.replace(Field.OUT_INTERFACE, IntervalSet.point(0)).contains(p))).toList();
                    Answer answer = oracle.evaluate(probe.packet(), rule, probe.pinned());
                    String problem = compare(answer, holding);
                    if (problem != null) {
                        // the problem without its verdicts, and what it rests on: a routing mark the oracle does not
                        // route by, or natlint's "assumed unmarked"
                        String kind = problem.replaceAll("\\(.*?\\)|\\[.*?\\]|[A-Z_]{3,}", "_")
                                .replaceAll("(says|assumes) [a-z-]+", "$1 _")
                                + (answer.unknowns().toString().contains("routing mark") ? " [routing mark]" : "")
                                + (holding.stream().anyMatch(fl -> fl.assumptions().toString().contains("unmarked"))
                                ? " [natlint assumes unmarked]" : "");
                        t.kinds.merge(kind, 1, Integer::sum);
                        String where = "seed " + seed;
                        t.firstOfKind.computeIfAbsent(kind, k -> where + ", forward at line "
                                + rule.location().line() + ", packet " + describe(probe.packet()) + ": " + problem
                                + "\n  oracle: " + answer + "\n  natlint: " + holding.stream().map(fl -> fl.verdict().id()
                                + " " + fl.certainty().id() + " " + fl.assumptions()).toList() + "\n" + numbered(g.script()));
                    }
                    if (answer.definite()) {
                        definite.merge(answer.verdict(), 1, Integer::sum);
                        if (holding.stream().anyMatch(fl -> fl.certainty() != Certainty.EXACT
                                && fl.assumptions().toString().contains("unmarked"))) {
                            t.decidedWhereNatlintAssumesMarks++;
                            if (problem != null) {
                                t.wrongWhereNatlintAssumesMarks++;
                            }
                        }
                    } else {
                        t.open++;
                    }
                    if (problem != null && failures.size() < 5) {
                        failures.add("seed " + seed + ", forward at line " + rule.location().line() + ", packet "
                                + describe(probe.packet()) + ": " + problem + "\n  oracle: " + answer
                                + "\n  natlint: " + holding.stream().map(fl -> fl.verdict().id() + " "
                                + fl.certainty().id() + " " + fl.assumptions()).toList() + "\n" + numbered(g.script()));
                    } else if (problem != null) {
                        failures.add("seed " + seed + ", line " + rule.location().line() + ", " + describe(probe.packet())
                                + ": " + problem);
                    }
                }
            }
        }
        return t;
    }

    /**
     * Null when natlint's flows agree with the oracle's answer, else what is wrong. Verdicts assumed by natlint
     * must be among the oracle's outcomes; unknown ones (natlint could not decide) only need to say so.
     */
    static String compare(Answer answer, List<Flow> holding) {
        if (holding.isEmpty()) {
            return "no natlint flow holds the packet";
        }
        if (answer.verdicts().isEmpty() && !answer.undecided()) {
            return "the oracle finds no world in which the packet is sent";
        }
        Set<Verdict> natlint = holding.stream().map(Flow::verdict).collect(Collectors.toCollection(TreeSet::new));
        if (answer.definite()) {
            return natlint.equals(answer.verdicts()) ? null
                    : "natlint says " + natlint + ", the oracle " + answer.verdict();
        }
        List<Flow> exact = holding.stream().filter(fl -> fl.certainty() == Certainty.EXACT).toList();
        if (!exact.isEmpty()) {
            return "natlint is exact (" + exact.get(0).verdict().id() + ") where the oracle's answer depends on "
                    + answer.unknowns();
        }
        if (!answer.undecided()) {
            for (Flow fl : holding) {
                if (fl.certainty() == Certainty.ASSUMED && !answer.verdicts().contains(fl.verdict())) {
                    return "natlint assumes " + fl.verdict().id() + ", which no case of the oracle gives";
                }
            }
            if (answer.onlyKernelChoices() && !natlint.equals(answer.verdicts())) {
                return "the router's choice within a range gives " + answer.verdicts() + ", natlint names " + natlint;
            }
        }
        return null;
    }

    /** A client packet, with the leases a client sending to "the uplink's address" relies on. */
    record Probe(PacketFlowOracle.Packet packet, Map<String, Lease> pinned) {
    }

    /**
     * The clients of a forward, from what the generator says of the network: every LAN subnet and every uplink,
     * to every public address of the forward, on the ends and the middle of its port ranges.
     */
    static List<Probe> probes(Router g, RouterConfig config, FirewallRule forward, Random rnd) {
        int protocol = PacketFlowOracle.protocol(forward.get("protocol").orElse("tcp"));
        List<Long> ports = new ArrayList<>();
        List<long[]> written = forward.get("dst-port").map(ReferenceModelTest::portList).orElse(null);
        if (written == null) {
            ports.addAll(List.of(22L, 80L, 9005L));
        } else {
            written.forEach(w -> ports.addAll(PacketFlowOracle.picks(w[0], w[1])));
        }
        // the public addresses: the forward's own, else its address list's, else every uplink's
        Map<Long, String> publicAddresses = new java.util.LinkedHashMap<>();
        String dst = forward.get("dst-address").filter(v -> !v.startsWith("!")).orElse(null);
        String list = forward.get("dst-address-list").filter(v -> !v.startsWith("!")).orElse(null);
        if (dst != null) {
            publicAddresses.put(PacketFlowOracle.addr(dst), null);
        } else if (list != null && config.addressList(list).stream().anyMatch(e -> isAddress(e))) {
            config.addressList(list).stream().filter(ReferenceModelTest::isAddress)
                    .forEach(e -> publicAddresses.put(PacketFlowOracle.addr(e.address()), null));
        } else {
            for (Uplink up : g.uplinks()) {
                publicAddresses.put(up.dynamic() ? up.generic().address() : up.address(), up.dynamic() ? up.iface() : null);
            }
        }
        Set<Long> targets = new LinkedHashSet<>();
        long[] to = PacketFlowOracle.spec(forward.get("to-addresses").orElseThrow());
        for (long a = to[0]; a <= to[1]; a++) {
            targets.add(a);
        }
        Set<Long> routerAddresses = new LinkedHashSet<>();
        g.lans().forEach(l -> routerAddresses.add(l.router()));
        g.uplinks().forEach(up -> routerAddresses.add(up.dynamic() ? up.generic().address() : up.address()));
        List<Probe> out = new ArrayList<>();
        for (Map.Entry<Long, String> pub : publicAddresses.entrySet()) {
            Map<String, Lease> pinned = pinnedFor(g, pub.getValue());
            for (long port : ports) {
                for (Lan lan : g.lans()) {
                    for (long host : List.of(lan.network() + 2, lan.network() + 11, lan.network() + 77,
                            lan.broadcast() - 2)) {
                        if (targets.contains(host) || routerAddresses.contains(host)) {
                            continue;
                        }
                        out.add(new Probe(new PacketFlowOracle.Packet(host, pub.getKey(), protocol,
                                1024 + rnd.nextInt(64000), (int) port, lan.iface(), false), pinned));
                    }
                }
                for (Uplink up : g.uplinks()) {
                    long own = up.dynamic() ? up.generic().address() : up.address();
                    boolean otherUplinks = !routerAddresses.contains(pub.getKey()) || pub.getKey() == own;
                    if (!otherUplinks) {
                        continue; // the internet delivers another uplink's address through that uplink
                    }
                    List<Long> clients = new ArrayList<>(List.of(PacketFlowOracle.addr("198.51.100.10"),
                            PacketFlowOracle.addr("8.8.4.4")));
                    if (!up.dynamic()) {
                        clients.add(up.address() + 97);
                    }
                    for (long c : clients) {
                        out.add(new Probe(new PacketFlowOracle.Packet(c, pub.getKey(), protocol,
                                1024 + rnd.nextInt(64000), (int) port, up.iface(), true), pinned));
                    }
                }
            }
        }
        return out;
    }

    private static Map<String, Lease> pinnedFor(Router g, String dynamicIface) {
        if (dynamicIface == null) {
            return Map.of();
        }
        Uplink up = g.uplinks().stream().filter(x -> x.iface().equals(dynamicIface)).findFirst().orElseThrow();
        return Map.of(dynamicIface, up.generic());
    }

    private static boolean isAddress(AddressListEntry e) {
        long[] r = PacketFlowOracle.spec(e.address());
        return r != null && r[0] == r[1];
    }

    private static List<long[]> portList(String written) {
        return PacketFlowOracle.ports(written.startsWith("!") ? "" : written);
    }

    /** The generic lease of a dynamic uplink is natlint's symbolic "address of" that uplink. */
    private static long natlintAddress(Universe u, Router g, long a) {
        for (Uplink up : g.uplinks()) {
            if (up.dynamic() && up.generic().address() == a) {
                return u.symbolicAddress(AddressSpace.dynamicName(up.iface()));
            }
        }
        return a;
    }

    private static String describe(PacketFlowOracle.Packet p) {
        return PacketFlowOracle.fmt(p.src()) + ":" + p.srcPort() + " -> " + PacketFlowOracle.fmt(p.dst())
                + ":" + p.dstPort() + "/" + p.protocol() + " in " + p.in() + (p.fromInternet() ? " (internet)" : "");
    }

    private static String numbered(String script) {
        StringBuilder sb = new StringBuilder();
        String[] lines = script.split("\n");
        for (int i = 0; i < lines.length; i++) {
            sb.append(String.format("%3d  %s%n", i + 1, lines[i]));
        }
        return sb.toString();
    }
}
