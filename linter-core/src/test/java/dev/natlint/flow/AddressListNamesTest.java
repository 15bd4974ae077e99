package dev.natlint.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.natlint.diag.Certainty;
import dev.natlint.model.ConfigBuilder;
import dev.natlint.parse.RouterOsReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A DNS name in an address list resolves at run time to addresses natlint cannot know: a rule using the list
 * decides its static entries exactly, and every verdict the name could change rests on an assumption.
 */
class AddressListNamesTest {

    private static final String BASE = """
            /interface bridge add name=bridge
            /interface bridge port add bridge=bridge interface=ether2
            /interface list add name=WAN
            /interface list member add interface=ether1 list=WAN
            /ip address add address=192.168.88.1/24 interface=bridge
            /ip address add address=203.0.113.2/24 interface=ether1
            /ip route add gateway=203.0.113.1
            /ip firewall nat add chain=srcnat action=masquerade out-interface-list=WAN
            """;

    private static List<Flow> flows(String rules) {
        return FlowAnalyzer.of(ConfigBuilder.build(RouterOsReader.read("n.rsc", BASE + rules))).flows();
    }

    @Test
    void aForwardOnANamedListIsNotDecidedExactly() {
        List<Flow> flows = flows("""
                /ip firewall address-list add list=wanip address=router.example.net
                /ip firewall nat add chain=dstnat action=dst-nat dst-address-list=wanip protocol=tcp dst-port=80 to-addresses=192.168.88.10
                """);
        assertThat(flows).isNotEmpty().allSatisfy(f -> {
            assertThat(f.verdict()).isEqualTo(Verdict.NO_DST_NAT);
            assertThat(f.certainty()).isEqualTo(Certainty.ASSUMED);
            assertThat(f.assumptions()).anySatisfy(a -> assertThat(a.reason()).contains("wanip has DNS names"));
        });
    }

    @Test
    void aDropOnANamedListMarksTheConnectionsItMayTake() {
        String fwd = "/ip firewall nat add chain=dstnat action=dst-nat dst-address=203.0.113.2 protocol=tcp dst-port=80"
                + " to-addresses=192.168.88.10\n";
        List<Flow> named = flows(fwd + """
                /ip firewall address-list add list=bad address=198.51.100.0/24
                /ip firewall address-list add list=bad address=tracker.example.com
                /ip firewall filter add chain=forward action=drop src-address-list=bad
                """);
        List<Flow> internet = named.stream().filter(f -> f.source().internet()).toList();
        // the static entry is dropped exactly; every other internet client might be the name's address
        assertThat(internet).anySatisfy(f -> assertThat(f.verdict()).isEqualTo(Verdict.FILTERED));
        assertThat(internet).filteredOn(f -> f.verdict() == Verdict.OK)
                .isNotEmpty().allMatch(f -> f.certainty() == Certainty.ASSUMED);
        // without the name the same rule is decided exactly
        List<Flow> plain = flows(fwd + """
                /ip firewall address-list add list=bad address=198.51.100.0/24
                /ip firewall filter add chain=forward action=drop src-address-list=bad
                """);
        assertThat(plain).allMatch(f -> f.certainty() == Certainty.EXACT);
    }
}
