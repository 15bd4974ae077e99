package dev.natlint.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.natlint.flow.packet.Field;
import dev.natlint.model.ConfigBuilder;
import dev.natlint.net.Cidrs;
import dev.natlint.net.Ipv4;
import dev.natlint.parse.RouterOsReader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One small router per verdict and per matcher feature, checked through trace and explain. */
class VerdictTest {

    /** A router with a WAN, a bridge LAN and a VLAN; MarksTest builds on it too. */
    static final String BASE = """
            /interface ethernet set [ find default-name=ether1 ] name=wan
            /interface bridge add name=bridge
            /interface bridge port add bridge=bridge interface=ether2
            /interface vlan add interface=bridge name=vlan20 vlan-id=20
            /interface list add name=WAN
            /interface list add name=LAN
            /interface list member add interface=wan list=WAN
            /interface list member add interface=bridge list=LAN
            /interface list member add interface=vlan20 list=LAN
            /ip address add address=192.168.1.1/24 interface=bridge
            /ip address add address=192.168.20.1/24 interface=vlan20
            /ip address add address=203.0.113.2/24 interface=wan
            /ip route add gateway=203.0.113.1
            /ip firewall nat add chain=srcnat action=masquerade out-interface-list=WAN
            """;

    private static FlowAnalyzer analyze(String rules) {
        return FlowAnalyzer.of(ConfigBuilder.build(RouterOsReader.read("v.rsc", BASE + rules)));
    }

    private static Verdict trace(String rules, String from, int port) {
        Optional<Flow> f = analyze(rules).trace(Ipv4.parse(from).orElseThrow(), Ipv4.parse("203.0.113.2").orElseThrow(),
                6, port, null);
        return f.orElseThrow().verdict();
    }

    static final String FWD = "/ip firewall nat add chain=dstnat dst-address=203.0.113.2 protocol=tcp dst-port=80 action=dst-nat to-addresses=192.168.1.10\n";

    @Test
    void clientOnAnotherSubnetWorksWithoutHairpin() {
        assertThat(trace(FWD, "192.168.20.7", 80)).isEqualTo(Verdict.OK);
        assertThat(trace(FWD, "192.168.1.7", 80)).isEqualTo(Verdict.REPLY_BYPASSES_ROUTER);
    }

    @Test
    void inInterfaceListWanNeverMatchesLan() {
        String r = "/ip firewall nat add chain=dstnat in-interface-list=WAN protocol=tcp dst-port=80 action=dst-nat to-addresses=192.168.1.10\n";
        assertThat(trace(r, "192.168.20.7", 80)).isEqualTo(Verdict.NO_DST_NAT);
        assertThat(trace(r, "198.51.100.9", 80)).isEqualTo(Verdict.OK);
    }

    @Test
    void negatedInterfaceAndAddressMatchers() {
        String r = "/ip firewall nat add chain=dstnat in-interface=!vlan20 dst-address=!192.168.1.1 dst-address-type=local protocol=tcp dst-port=80 action=dst-nat to-addresses=192.168.1.10\n";
        assertThat(trace(r, "192.168.20.7", 80)).isEqualTo(Verdict.NO_DST_NAT);
        assertThat(trace(r, "198.51.100.9", 80)).isEqualTo(Verdict.OK);
    }

    @Test
    void earlierDstnatRuleShadows() {
        String r = "/ip firewall nat add chain=dstnat protocol=tcp dst-port=80 src-address=192.168.20.0/24 action=accept\n" + FWD;
        assertThat(trace(r, "192.168.20.7", 80)).isEqualTo(Verdict.SHADOWED);
        assertThat(trace(r, "198.51.100.9", 80)).isEqualTo(Verdict.OK);
    }

    @Test
    void forwardDropFilters() {
        String r = FWD + "/ip firewall filter add chain=forward action=drop in-interface=vlan20 out-interface=bridge\n";
        assertThat(trace(r, "192.168.20.7", 80)).isEqualTo(Verdict.FILTERED);
    }

    @Test
    void customChainsWithJumpAndReturn() {
        String r = FWD + """
                /ip firewall filter add chain=forward action=jump jump-target=lan
                /ip firewall filter add chain=lan action=return src-address=192.168.20.0/25
                /ip firewall filter add chain=lan action=drop in-interface=vlan20
                """;
        assertThat(trace(r, "192.168.20.7", 80)).isEqualTo(Verdict.OK);
        assertThat(trace(r, "192.168.20.200", 80)).isEqualTo(Verdict.FILTERED);
    }

    @Test
    void masqueradeShadowedByEarlierAccept() {
        String r = "/ip firewall nat add chain=srcnat action=accept dst-address=192.168.1.0/24 place-before=0\n" + FWD
                + "/ip firewall nat add chain=srcnat action=masquerade src-address=192.168.1.0/24 dst-address=192.168.1.10 out-interface=bridge\n";
        assertThat(trace(r, "192.168.1.7", 80)).isEqualTo(Verdict.MASQUERADE_SHADOWED);
    }

    @Test
    void unroutableTarget() {
        String r = "/ip firewall nat add chain=dstnat dst-address=203.0.113.2 protocol=tcp dst-port=80 action=dst-nat to-addresses=10.99.0.5\n";
        assertThat(trace(r, "198.51.100.9", 80)).isEqualTo(Verdict.UNROUTABLE);
    }

    @Test
    void portListsRangesAndToPorts() {
        String r = "/ip firewall nat add chain=dstnat dst-address=203.0.113.2 protocol=tcp dst-port=80,8000-8010 action=dst-nat to-addresses=192.168.1.10 to-ports=8080\n"
                + "/ip firewall nat add chain=srcnat action=masquerade src-address=192.168.1.0/24 dst-address=192.168.1.10 protocol=tcp dst-port=8080 out-interface=bridge\n";
        assertThat(trace(r, "192.168.1.7", 8005)).isEqualTo(Verdict.OK);
        assertThat(trace(r, "192.168.1.7", 81)).isEqualTo(Verdict.NO_DST_NAT);
        Flow f = analyze(r).trace(Ipv4.parse("192.168.1.7").orElseThrow(), Ipv4.parse("203.0.113.2").orElseThrow(), 6, 8005, null).orElseThrow();
        assertThat(f.steps().get(1).destinationPort()).isEqualTo(8080);
    }

    @Test
    void addressListsAndPartialHairpinSplitFlows() {
        String r = FWD + "/ip firewall address-list add list=half address=192.168.1.0/25\n"
                + "/ip firewall nat add chain=srcnat action=masquerade src-address-list=half dst-address=192.168.1.10 out-interface=bridge\n";
        List<Flow> lan = analyze(r).flows().stream().filter(f -> f.source().iface().equals("bridge")).toList();
        assertThat(lan).extracting(f -> f.verdict().id() + " " + String.join(" ", Cidrs.render(f.packets().project(Field.SRC_ADDRESS))))
                .containsExactlyInAnyOrder("ok 192.168.1.2-192.168.1.127", "reply-bypasses-router 192.168.1.128-192.168.1.254");
    }

    @Test
    void dynamicWanAddressIsSymbolic() {
        String script = """
                /interface bridge add name=bridge
                /ip address add address=192.168.88.1/24 interface=bridge
                /ip dhcp-client add interface=ether1
                /ip firewall nat add chain=dstnat dst-address-type=local dst-address=!192.168.88.1 protocol=tcp dst-port=443 action=dst-nat to-addresses=192.168.88.10
                """;
        FlowAnalyzer a = FlowAnalyzer.of(ConfigBuilder.build(RouterOsReader.read("d.rsc", script)));
        assertThat(a.topology().wanInterfaces()).containsExactly("ether1");
        List<Flow> flows = a.flows();
        assertThat(flows).extracting(f -> f.verdict()).contains(Verdict.OK, Verdict.REPLY_BYPASSES_ROUTER);
        assertThat(flows.get(0).steps().get(0).destination()).isEqualTo("(address of ether1)");
    }

    @Test
    void renamedInterfacesAreFollowed() {
        String r = "/ip firewall nat add chain=dstnat in-interface=wan protocol=tcp dst-port=80 action=dst-nat to-addresses=192.168.1.10\n";
        assertThat(trace(r, "198.51.100.9", 80)).isEqualTo(Verdict.OK);
    }
    @Test
    void twoDefaultRoutesOfTheSameDistanceMakeTheInternetVerdictsRestOnTheChoice() {
        String twoUplinks = """
                /interface ethernet set [ find default-name=ether1 ] name=wan
                /interface ethernet set [ find default-name=ether3 ] name=wan2
                /interface bridge add name=bridge
                /interface list add name=WAN
                /interface list member add interface=wan list=WAN
                /interface list member add interface=wan2 list=WAN
                /ip address add address=192.168.1.1/24 interface=bridge
                /ip address add address=203.0.113.2/24 interface=wan
                /ip address add address=198.51.100.2/24 interface=wan2
                /ip route add gateway=203.0.113.1 distance=1
                /ip route add gateway=198.51.100.1 distance=%d
                /ip firewall nat add chain=dstnat dst-address=203.0.113.2 protocol=tcp dst-port=80 action=dst-nat to-addresses=192.168.1.10
                /ip firewall nat add chain=srcnat action=masquerade out-interface-list=WAN
                """;
        for (int distance : new int[] {1, 2}) {
            FlowAnalyzer a = FlowAnalyzer.of(ConfigBuilder.build(RouterOsReader.read("e.rsc", twoUplinks.formatted(distance))));
            List<Flow> internet = a.flows().stream().filter(f -> f.source().internet()).toList();
            assertThat(internet).isNotEmpty();
            for (Flow f : internet) {
                boolean noted = f.assumptions().stream().anyMatch(x -> x.reason().contains("spreads connections over them")
                        && x.reason().contains("lines 10, 11") && x.line() == 10);
                assertThat(noted).as("distance %d: %s", distance, f.assumptions()).isEqualTo(distance == 1);
            }
            assertThat(a.flows().stream().filter(f -> !f.source().internet())
                    .allMatch(f -> f.assumptions().stream().noneMatch(x -> x.reason().contains("spreads")))).isTrue();
        }
    }

    @Test
    void aTargetBeyondTheUplinkAnswersOutsideTheRouterUnlessTheSourceIsRewritten() {
        String remote = "/ip firewall nat add chain=dstnat dst-address=203.0.113.2 protocol=tcp dst-port=80 action=dst-nat"
                + " to-addresses=198.51.100.20\n";
        // BASE masquerades everything leaving by the WAN: the target answers the router
        assertThat(trace(remote, "192.168.20.7", 80)).isEqualTo(Verdict.OK);
        assertThat(trace(remote, "8.8.8.8", 80)).isEqualTo(Verdict.OK);
        // an accept above it takes the relayed connections unchanged
        FlowAnalyzer a = FlowAnalyzer.of(ConfigBuilder.build(RouterOsReader.read("v.rsc", BASE.replace(
                "/ip firewall nat add chain=srcnat action=masquerade out-interface-list=WAN\n",
                "/ip firewall nat add chain=srcnat action=accept dst-address=198.51.100.20\n"
                        + "/ip firewall nat add chain=srcnat action=masquerade out-interface-list=WAN\n") + remote)));
        for (String client : List.of("192.168.20.7", "8.8.8.8")) {
            assertThat(a.trace(Ipv4.parse(client).orElseThrow(), Ipv4.parse("203.0.113.2").orElseThrow(), 6, 80, null)
                    .orElseThrow().verdict()).as(client).isEqualTo(Verdict.REPLY_OUTSIDE_ROUTER);
        }
    }

    @Test
    void withoutADefaultRouteOnlyClientsTheRouterHasARouteToGetReplies() {
        FlowAnalyzer a = FlowAnalyzer.of(ConfigBuilder.build(RouterOsReader.read("v.rsc",
                BASE.replace("/ip route add gateway=203.0.113.1\n", "/ip route add dst-address=198.51.100.0/24"
                        + " gateway=203.0.113.1\n") + FWD)));
        long pub = Ipv4.parse("203.0.113.2").orElseThrow();
        assertThat(a.trace(Ipv4.parse("8.8.8.8").orElseThrow(), pub, 6, 80, "wan").orElseThrow().verdict())
                .isEqualTo(Verdict.NO_ROUTE_BACK);
        assertThat(a.trace(Ipv4.parse("198.51.100.9").orElseThrow(), pub, 6, 80, "wan").orElseThrow().verdict())
                .isEqualTo(Verdict.OK);
        assertThat(a.trace(Ipv4.parse("203.0.113.9").orElseThrow(), pub, 6, 80, "wan").orElseThrow().verdict())
                .isEqualTo(Verdict.OK);
    }
}
