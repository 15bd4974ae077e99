package dev.natlint.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.natlint.model.ConfigBuilder;
import dev.natlint.model.RouterConfig;
import dev.natlint.parse.RouterOsReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Large configurations are analysed by several engines at once. The flows must be exactly those one
 * engine finds, forward by forward, whatever the number of engines and however the forwards fall to
 * them.
 */
class ParallelAnalysisTest {

    /** 300 forwards over 12 VLANs, a blocklist dropped in the forward chain, some hairpins, a few drops. */
    private static String router(long seed) {
        Random rnd = new Random(seed);
        StringBuilder s = new StringBuilder("""
                /interface ethernet set [ find default-name=ether1 ] name=wan
                /interface bridge add name=bridge
                /interface list add name=WAN
                /interface list add name=LAN
                /interface list member add interface=wan list=WAN
                /ip address add address=203.0.113.2/24 interface=wan
                /ip route add gateway=203.0.113.1
                """);
        for (int v = 0; v < 12; v++) {
            s.append("/interface vlan add interface=bridge name=vlan").append(v).append(" vlan-id=").append(10 + v).append('\n');
            s.append("/interface list member add interface=vlan").append(v).append(" list=LAN\n");
            s.append("/ip address add address=10.0.").append(v).append(".1/24 interface=vlan").append(v).append('\n');
        }
        for (int i = 0; i < 200; i++) {
            s.append("/ip firewall address-list add list=block").append(i % 3).append(" address=198.51.")
                    .append(rnd.nextInt(100)).append('.').append(rnd.nextInt(256)).append('\n');
        }
        s.append("/ip firewall filter add chain=forward action=accept connection-state=established,related\n");
        for (int k = 0; k < 3; k++) {
            s.append("/ip firewall filter add chain=forward action=drop src-address-list=block").append(k).append('\n');
        }
        List<String> nat = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            int v = rnd.nextInt(12);
            String server = "10.0." + v + "." + (10 + rnd.nextInt(200));
            int port = 2000 + i;
            nat.add("add chain=dstnat action=dst-nat dst-address=203.0.113.2 protocol=tcp dst-port=" + port
                    + " to-addresses=" + server + (rnd.nextInt(4) == 0 ? " in-interface-list=WAN" : ""));
            if (rnd.nextInt(3) == 0) {
                nat.add("add chain=srcnat action=masquerade src-address=10.0." + v + ".0/24 dst-address=" + server
                        + " protocol=tcp out-interface=vlan" + v);
            }
            if (rnd.nextInt(10) == 0) {
                s.append("/ip firewall filter add chain=forward action=drop protocol=tcp dst-port=").append(port)
                        .append(" in-interface=vlan").append(rnd.nextInt(12)).append('\n');
            }
        }
        s.append("/ip firewall filter add chain=forward action=drop connection-state=new connection-nat-state=!dstnat in-interface-list=WAN\n");
        s.append("/ip firewall nat\n");
        nat.forEach(n -> s.append(n).append('\n'));
        s.append("add chain=srcnat action=masquerade out-interface-list=WAN\n");
        return s.toString();
    }

    @Test
    void severalEnginesFindExactlyTheFlowsOfOne() {
        for (long seed : new long[] {1, 2}) {
            RouterConfig config = ConfigBuilder.build(RouterOsReader.read("p.rsc", router(seed)));
            List<ForwardFlows> one = FlowAnalyzer.of(config).flowsByForward(1);
            assertThat(one).hasSize(300);
            assertThat(one.stream().mapToInt(f -> f.flows().size()).sum()).isGreaterThan(300 * 12);
            assertThat(one.stream().flatMap(f -> f.flows().stream()).map(Flow::verdict).distinct().count())
                    .as("the generated routers break some flows in several ways").isGreaterThanOrEqualTo(3);
            for (int workers : new int[] {2, 3, 7}) {
                FlowAnalyzer analyzer = FlowAnalyzer.of(config);
                java.util.Set<Integer> told = java.util.concurrent.ConcurrentHashMap.newKeySet();
                analyzer.reportForwardsTo((done, total) -> {
                    assertThat(total).isEqualTo(300);
                    told.add(done);
                });
                assertThat(analyzer.flowsByForward(workers)).as("seed %d, %d engines", seed, workers).isEqualTo(one);
                assertThat(told).as("progress counts each forward once").hasSize(300).contains(1, 300);
            }
        }
    }
}
