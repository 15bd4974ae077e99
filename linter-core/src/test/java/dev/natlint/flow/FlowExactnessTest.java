package dev.natlint.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.natlint.flow.packet.Packet;
import dev.natlint.flow.packet.Universe;
import dev.natlint.model.ConfigBuilder;
import dev.natlint.model.RouterConfig;
import dev.natlint.net.Ipv4;
import dev.natlint.parse.RouterOsReader;
import dev.natlint.reference.PacketFlowOracle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property test: on random configurations (seeded, reproducible) and random client packets, the flow
 * the symbolic analysis puts a packet in is unique (flows partition the clients) and has the verdict
 * the packet-by-packet reference model {@link PacketFlowOracle} computes.
 *
 * <p>This family is narrow on purpose (one static uplink, a bridge and a VLAN, single targets and ports, no
 * unmodelled matcher, so every verdict is exact) and wide in rule shapes: jumps into a custom dstnat chain
 * with {@code return}, negated interface, address and list matchers, NAT exemptions, srcnat to the router's
 * LAN address, filter jumps. It checks what {@link ReferenceModelTest} does not: that the flows of a forward
 * partition its clients. The oracle models the packet flow of a RouterOS router for one connection (see its
 * Javadoc for what it leaves open); clients here are drawn from natlint's own sources, so
 * {@link ReferenceModelTest} covers clients chosen without natlint, other topologies and the unknowns.
 */
class FlowExactnessTest {

    private static final String TOPOLOGY = """
            /interface bridge add name=bridge
            /interface bridge port add bridge=bridge interface=ether2
            /interface vlan add interface=bridge name=vlan20 vlan-id=20
            /interface list add name=WAN
            /interface list add name=LAN
            /interface list member add interface=ether1 list=WAN
            /interface list member add interface=bridge list=LAN
            /interface list member add interface=vlan20 list=LAN
            /ip address add address=192.168.1.1/24 interface=bridge
            /ip address add address=192.168.20.1/24 interface=vlan20
            /ip address add address=203.0.113.2/24 interface=ether1
            /ip route add gateway=203.0.113.1
            /ip firewall address-list add list=lan2 address=192.168.20.0/25
            /ip firewall address-list add list=servers address=192.168.1.8-192.168.1.15
            """;

    @Test
    void symbolicVerdictsEqualConcreteOnes() {
        int packets = 0;
        int configs = 0;
        List<Verdict> seen = new ArrayList<>();
        for (long seed = 1; seed <= 400; seed++) {
            Random rnd = new Random(seed);
            String script = TOPOLOGY + randomRules(rnd);
            RouterConfig config = ConfigBuilder.build(RouterOsReader.read("seed-" + seed + ".rsc", script));
            FlowAnalyzer analyzer = FlowAnalyzer.of(config);
            PacketFlowOracle oracle = new PacketFlowOracle(config, Map.of());
            Universe u = analyzer.space().universe();
            List<Source> sources = analyzer.sources();
            for (Forward f : analyzer.forwards()) {
                List<Flow> flows = analyzer.flows(f, sources);
                for (int i = 0; i < 25; i++) {
                    Source s = sources.get(rnd.nextInt(sources.size()));
                    long src = pick(rnd, s);
                    long dst = f.publicAddresses().min();
                    int proto = f.protocols().contains(6) && (rnd.nextBoolean() || !f.protocols().contains(17)) ? 6 : 17;
                    int dport = (int) (f.ports().min() + rnd.nextInt((int) Math.min(f.ports().size(), 4)));
                    if (!f.ports().contains(dport)) {
                        dport = (int) f.ports().min();
                    }
                    int sport = 1024 + rnd.nextInt(60000);
                    Packet p = new Packet(src, dst, proto, sport, dport, u.interfaceIndex(s.iface()), 0);
                    List<Flow> containing = flows.stream().filter(fl -> fl.packets().boxes().stream().anyMatch(b ->
                            b.with(dev.natlint.flow.packet.Field.OUT_INTERFACE,
                                    dev.natlint.net.IntervalSet.point(0)).contains(p))).toList();
                    String context = "seed " + seed + ", forward at line " + f.line() + ", packet "
                            + Ipv4.format(src) + ":" + sport + " -> " + Ipv4.format(dst) + ":" + dport + "/" + proto
                            + " in " + s.iface() + "\n" + script;
                    assertThat(containing).as("exactly one flow holds the packet: %s", context).hasSize(1);
                    PacketFlowOracle.Answer answer = oracle.evaluate(new PacketFlowOracle.Packet(src, dst, proto, sport,
                            dport, s.iface(), s.internet()), f.rule());
                    assertThat(answer.definite()).as("nothing is unknown in this family: %s %s", answer, context).isTrue();
                    Verdict expected = answer.verdict();
                    assertThat(containing.get(0).verdict()).as(context).isEqualTo(expected);
                    seen.add(expected);
                    packets++;
                }
            }
            configs++;
        }
        // the generator must reach every verdict of a one-uplink router, or the comparison proves little; a
        // stale public address, a second uplink, a router without a default route and a target beyond an uplink need
        // topologies of their own
        // (test-configs, VerdictTest, ReferenceModelTest)
        assertThat(seen).contains(java.util.Arrays.stream(Verdict.values())
                .filter(v -> v != Verdict.NOT_DELIVERED && v != Verdict.REPLY_WRONG_UPLINK
                        && v != Verdict.NO_ROUTE_BACK && v != Verdict.REPLY_OUTSIDE_ROUTER).toArray(Verdict[]::new));
        assertThat(packets).isGreaterThan(10_000);
        assertThat(configs).isEqualTo(400);
    }

    private static long pick(Random rnd, Source s) {
        if (s.internet()) {
            return rnd.nextBoolean() ? 0xCB00710AL : 0x08080808L + rnd.nextInt(1000);
        }
        long lo = s.addresses().min();
        long hi = s.addresses().max();
        for (int tries = 0; tries < 20; tries++) {
            long a = lo + (long) (rnd.nextDouble() * (hi - lo + 1));
            if (s.addresses().contains(a)) {
                return a;
            }
        }
        return lo;
    }

    private static String randomRules(Random r) {
        StringBuilder sb = new StringBuilder();
        int forwards = 1 + r.nextInt(3);
        boolean useChain = r.nextInt(4) == 0;
        for (int i = 0; i < forwards; i++) {
            if (r.nextInt(6) == 0) {
                sb.append("/ip firewall nat add chain=dstnat action=accept protocol=tcp dst-port=80")
                        .append(r.nextBoolean() ? " src-address=192.168.1.0/25" : "").append('\n');
            }
            String chain = useChain && i > 0 ? "fwds" : "dstnat";
            sb.append("/ip firewall nat add chain=").append(chain).append(" action=dst-nat");
            sb.append(one(r, "", " dst-address=203.0.113.2", " dst-address=203.0.113.2", " dst-address=!192.168.1.1",
                    " dst-address-type=local", " dst-address-list=!servers"));
            sb.append(one(r, "", "", " in-interface=ether1", " in-interface=!ether1", " in-interface-list=WAN",
                    " in-interface-list=!LAN", " in-interface=bridge"));
            sb.append(one(r, "", "", "", " src-address=192.168.1.0/25", " src-address=!192.168.20.0/24",
                    " src-address-list=lan2", " src-address-list=!lan2"));
            sb.append(one(r, " protocol=tcp", " protocol=tcp", " protocol=udp"));
            sb.append(one(r, " dst-port=80", " dst-port=80,443", " dst-port=8000-8003", " dst-port=22"));
            sb.append(one(r, " to-addresses=192.168.1.10", " to-addresses=192.168.1.10", " to-addresses=192.168.20.5",
                    " to-addresses=10.9.9.9"));
            sb.append(one(r, "", "", " to-ports=8080"));
            sb.append('\n');
        }
        if (useChain) {
            sb.append("/ip firewall nat add chain=dstnat action=jump jump-target=fwds")
                    .append(one(r, "", " in-interface-list=WAN", " protocol=tcp")).append('\n');
            sb.append("/ip firewall nat add chain=fwds action=return src-address=192.168.20.0/24\n");
        }
        List<String> srcnat = new ArrayList<>();
        srcnat.add("/ip firewall nat add chain=srcnat action=masquerade out-interface-list=WAN");
        if (r.nextInt(3) == 0) {
            srcnat.add("/ip firewall nat add chain=srcnat action=accept src-address=192.168.1.0/24 dst-address=192.168.1.0/24");
        }
        int hairpins = r.nextInt(3);
        for (int i = 0; i < hairpins; i++) {
            srcnat.add("/ip firewall nat add chain=srcnat action=masquerade"
                    + one(r, " src-address=192.168.1.0/24", " src-address=192.168.1.0/25", " src-address=192.168.20.0/24", "")
                    + one(r, " dst-address=192.168.1.10", " dst-address=192.168.1.0/24", " dst-address=192.168.20.0/24")
                    + one(r, " out-interface=bridge", " out-interface=vlan20", " out-interface-list=LAN")
                    + one(r, "", "", " protocol=tcp dst-port=80,8080", " protocol=udp"));
        }
        if (r.nextInt(4) == 0) {
            srcnat.add("/ip firewall nat add chain=srcnat action=src-nat to-addresses=192.168.1.1 src-address=192.168.20.0/24 out-interface=bridge");
        }
        java.util.Collections.shuffle(srcnat, r);
        srcnat.forEach(s -> sb.append(s).append('\n'));
        List<String> filter = new ArrayList<>();
        String[] candidates = {
            "/ip firewall filter add chain=forward action=accept connection-state=established,related",
            "/ip firewall filter add chain=forward action=drop in-interface=bridge out-interface=bridge",
            "/ip firewall filter add chain=forward action=accept connection-nat-state=dstnat",
            "/ip firewall filter add chain=forward action=drop in-interface-list=LAN dst-address=192.168.1.10 protocol=tcp dst-port=8080",
            "/ip firewall filter add chain=forward action=drop connection-nat-state=!dstnat in-interface-list=WAN",
            "/ip firewall filter add chain=forward action=jump jump-target=lanfw in-interface=vlan20",
            "/ip firewall filter add chain=lanfw action=drop out-interface=bridge src-address-list=lan2",
            "/ip firewall filter add chain=forward action=reject out-interface=vlan20 protocol=udp",
        };
        for (String c : candidates) {
            if (r.nextInt(3) == 0) {
                filter.add(c);
            }
        }
        java.util.Collections.shuffle(filter, r);
        filter.forEach(s -> sb.append(s).append('\n'));
        return sb.toString();
    }

    private static String one(Random r, String... options) {
        return options[r.nextInt(options.length)];
    }
}
