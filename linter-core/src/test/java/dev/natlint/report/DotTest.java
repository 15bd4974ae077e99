package dev.natlint.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.natlint.flow.FlowAnalyzer;
import dev.natlint.model.ConfigBuilder;
import dev.natlint.parse.RouterOsReader;
import org.junit.jupiter.api.Test;

/** {@code explain --format dot} draws the graph routing is computed on. */
class DotTest {

    @Test
    void drawsGatewaysRoutesAndFlowsToTheNetworkBehindALanRouter() {
        FlowAnalyzer a = FlowAnalyzer.of(ConfigBuilder.build(RouterOsReader.read("r.rsc", """
                /ip address add address=192.168.88.1/24 interface=ether2
                /ip address add address=203.0.113.2/24 interface=ether1
                /ip route add gateway=203.0.113.1
                /ip route add dst-address=10.20.30.0/24 gateway=192.168.88.2 distance=3
                /ip route add dst-address=0.0.0.0/0 gateway=192.168.88.3 routing-table=backup
                /ip firewall nat add chain=dstnat dst-address=203.0.113.2 protocol=tcp dst-port=443 action=dst-nat to-addresses=10.20.30.40
                """)));
        String dot = FlowReport.dot(a, a.flows());
        assertThat(dot).contains("[ label=\"router\" shape=\"doubleoctagon\" ]")
                .contains("[ label=\"gateway 192.168.88.2\" shape=\"diamond\" ]")
                .contains("label=\"route d=3\"").contains("label=\"route d=1 table backup\"");
        String subnet = dot.lines().filter(l -> l.contains("label=\"10.20.30.0/24\"")).findFirst().orElseThrow()
                .trim().split(" ")[0];
        assertThat(dot).containsPattern("n\\d+ -> " + subnet + " \\[ label=\"line 6 443 -> 10.20.30.40: ");
    }
}
