package dev.natlint.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.natlint.diag.Certainty;
import dev.natlint.flow.packet.Field;
import dev.natlint.net.IntervalSet;
import dev.natlint.model.ConfigBuilder;
import dev.natlint.net.Ipv4;
import dev.natlint.parse.RouterOsReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * dst-nat to a range is decided per translated port or address, the way netfilter chooses: a port
 * inside {@code to-ports} is kept; for any other port, and among several {@code to-addresses}, the router
 * picks per connection, so each choice is followed and marked as an assumption.
 */
class TranslationRangeTest {

    private static final String BASE = """
            /interface bridge add name=bridge
            /interface bridge port add bridge=bridge interface=ether2
            /interface vlan add interface=bridge name=vlan20 vlan-id=20
            /interface list add name=WAN
            /interface list member add interface=ether1 list=WAN
            /ip address add address=192.168.1.1/24 interface=bridge
            /ip address add address=192.168.20.1/24 interface=vlan20
            /ip address add address=203.0.113.2/24 interface=ether1
            /ip route add gateway=203.0.113.1
            /ip firewall nat add chain=srcnat action=masquerade out-interface-list=WAN
            """;

    private static List<Flow> flows(String rules) {
        return FlowAnalyzer.of(ConfigBuilder.build(RouterOsReader.read("r.rsc", BASE + rules))).flows();
    }

    private static IntervalSet portsWith(List<Flow> flows, Verdict v) {
        IntervalSet out = IntervalSet.empty();
        for (Flow f : flows) {
            if (f.verdict() == v) {
                out = out.union(f.packets().project(Field.DST_PORT));
            }
        }
        return out;
    }

    @Test
    void portRangeOntoItselfFiltersOnlyTheDroppedPort() {
        List<Flow> flows = flows("""
                /ip firewall nat add chain=dstnat dst-address=203.0.113.2 protocol=tcp dst-port=9000-9010 action=dst-nat to-addresses=192.168.20.10 to-ports=9000-9010
                /ip firewall filter add chain=forward action=drop connection-state=new protocol=tcp dst-port=9005
                """);
        assertThat(portsWith(flows, Verdict.FILTERED)).isEqualTo(IntervalSet.point(9005));
        assertThat(portsWith(flows, Verdict.OK)).isEqualTo(IntervalSet.of(9000, 9004).union(IntervalSet.of(9006, 9010)));
        assertThat(flows).allMatch(f -> f.certainty() == Certainty.EXACT);
    }

    @Test
    void portOutsideTheRangeIsFollowedToEveryPortOfIt() {
        // the kernel picks a port of the range for a port outside it, and which one depends on its version
        String fwd = "/ip firewall nat add chain=dstnat dst-address=203.0.113.2 protocol=tcp dst-port=80 action=dst-nat"
                + " to-addresses=192.168.20.10 to-ports=9000-9010\n";
        List<Flow> flows = flows(fwd + "/ip firewall filter add chain=forward action=drop connection-state=new protocol=tcp dst-port=9005\n");
        assertThat(portsWith(flows, Verdict.FILTERED)).isEqualTo(IntervalSet.point(80));
        assertThat(portsWith(flows, Verdict.OK)).isEqualTo(IntervalSet.point(80));
        assertThat(flows).allMatch(f -> f.certainty() == Certainty.ASSUMED);
        assertThat(flows.stream().filter(f -> f.verdict() == Verdict.FILTERED && !f.source().internet()))
                .allSatisfy(f -> assertThat(f.assumptions()).singleElement()
                        .satisfies(a -> assertThat(a.reason()).contains("11 ports").contains("port 9005")));
        // a range over 16 ports is not split: the verdicts say they are not decided
        List<Flow> wide = flows("/ip firewall nat add chain=dstnat dst-address=203.0.113.2 protocol=tcp dst-port=80"
                + " action=dst-nat to-addresses=192.168.20.10 to-ports=9000-9100\n");
        assertThat(wide).allMatch(f -> f.certainty() == Certainty.UNKNOWN);
    }

    @Test
    void severalTargetAddressesAreEachFollowedAsAssumedChoices() {
        List<Flow> flows = flows("""
                /ip firewall nat add chain=dstnat dst-address=203.0.113.2 protocol=tcp dst-port=443 action=dst-nat to-addresses=192.168.20.10-192.168.20.11
                /ip firewall filter add chain=forward action=drop dst-address=192.168.20.11
                """);
        List<Flow> internet = flows.stream().filter(f -> f.source().internet()).toList();
        assertThat(internet).extracting(Flow::verdict).containsExactlyInAnyOrder(Verdict.OK, Verdict.FILTERED);
        assertThat(internet).allMatch(f -> f.certainty() == Certainty.ASSUMED);
        Flow dropped = internet.stream().filter(f -> f.verdict() == Verdict.FILTERED).findFirst().orElseThrow();
        assertThat(dropped.assumptions()).singleElement().satisfies(a -> {
            assertThat(a.line()).isEqualTo(11);
            assertThat(a.reason()).contains("2 addresses").contains("192.168.20.11");
        });
    }

    @Test
    void masqueradeUsesTheAddressOnTheServersSubnet() {
        List<Flow> flows = flows("""
                /ip address add address=10.9.9.1/24 interface=vlan20
                /ip firewall nat add chain=dstnat dst-address=203.0.113.2 protocol=tcp dst-port=80 action=dst-nat to-addresses=192.168.20.10
                /ip firewall nat add chain=srcnat action=masquerade out-interface=vlan20
                """);
        Flow lan = flows.stream().filter(f -> f.source().name().startsWith("LAN vlan20 192.168.20.0")).findFirst().orElseThrow();
        assertThat(lan.verdict()).isEqualTo(Verdict.OK);
        assertThat(lan.steps()).anyMatch(s -> s.source().equals(Ipv4.format(Ipv4.parse("192.168.20.1").orElseThrow())));
        assertThat(lan.steps()).noneMatch(s -> s.source().equals("10.9.9.1"));
    }
}
