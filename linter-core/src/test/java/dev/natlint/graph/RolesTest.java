package dev.natlint.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.natlint.flow.Flow;
import dev.natlint.flow.FlowAnalyzer;
import dev.natlint.model.ConfigBuilder;
import dev.natlint.parse.RouterOsReader;
import org.junit.jupiter.api.Test;

/** WAN and LAN from evidence; an interface list's name is a tie-break only, and then an assumption. */
class RolesTest {

    private static Topology topology(String script) {
        return Topology.of(ConfigBuilder.build(RouterOsReader.read("r.rsc", script)));
    }

    @Test
    void anOddlyNamedUplinkIsAWanByItsDhcpClient() {
        Topology t = topology("""
                /interface ethernet set [ find default-name=ether1 ] name=uplink-a
                /ip address add address=192.168.88.1/24 interface=ether2
                /ip dhcp-client add interface=uplink-a
                """);
        assertThat(t.role("uplink-a").kind()).isEqualTo(Role.Kind.WAN);
        assertThat(t.role("uplink-a").evidence()).containsExactly("has a DHCP client");
        assertThat(t.role("uplink-a").guess()).isNull();
        assertThat(t.role("ether2").kind()).isEqualTo(Role.Kind.LAN);
    }

    @Test
    void aListNamedIspWithNothingElseIsATieBreakAndAnAssumption() {
        String script = """
                /interface list add name=isp
                /interface list member add interface=ether1 list=isp
                /ip address add address=10.0.0.2/30 interface=ether1
                /ip address add address=192.168.88.1/24 interface=ether2
                /ip firewall nat add chain=dstnat in-interface-list=isp protocol=tcp dst-port=443 action=dst-nat to-addresses=192.168.88.10
                """;
        Topology t = topology(script);
        Role r = t.role("ether1");
        assertThat(r.kind()).isEqualTo(Role.Kind.WAN);
        assertThat(r.guess()).isNotNull();
        assertThat(r.guess().line()).isEqualTo(2);
        assertThat(r.guess().reason()).contains("interface list isp");
        FlowAnalyzer a = FlowAnalyzer.of(ConfigBuilder.build(RouterOsReader.read("r.rsc", script)));
        assertThat(a.flows()).filteredOn(f -> f.source().internet()).isNotEmpty()
                .allMatch(f -> f.assumptions().contains(r.guess()));
    }

    @Test
    void aLanListNamedLikeAWanIsNotAWanWhenTheRealWanIsKnown() {
        Topology t = topology("""
                /interface vlan add interface=ether2 name=vlan-guests vlan-id=30
                /interface list add name=wan-guests
                /interface list member add interface=vlan-guests list=wan-guests
                /ip address add address=192.168.88.1/24 interface=ether2
                /ip address add address=10.30.0.1/24 interface=vlan-guests
                /ip address add address=10.0.0.2/30 interface=ether1
                /ip route add gateway=10.0.0.1
                """);
        assertThat(t.role("ether1").kind()).isEqualTo(Role.Kind.WAN);
        assertThat(t.role("vlan-guests").kind()).isEqualTo(Role.Kind.LAN);
        assertThat(t.role("vlan-guests").guess()).isNull();
        assertThat(t.wanInterfaces()).containsExactly("ether1");
    }

    @Test
    void evidenceOutranksAListName() {
        Topology t = topology("""
                /interface list add name=lan-side
                /interface list member add interface=ether1 list=lan-side
                /interface list add name=WAN
                /interface list member add interface=ether3 list=WAN
                /ip dhcp-client add interface=ether1
                /ip address add address=192.168.88.1/24 interface=ether2
                /ip address add address=192.168.1.2/24 interface=ether3
                """);
        assertThat(t.role("ether1").kind()).isEqualTo(Role.Kind.WAN);
        // the defconf list is the user's own statement: a WAN even with a private address
        assertThat(t.role("ether3").kind()).isEqualTo(Role.Kind.WAN);
        assertThat(t.role("ether3").guess()).isNull();
        assertThat(t.roles()).allMatch(r -> r.guess() == null);
    }

    @Test
    void flowsWithoutAGuessedRoleCarryNoRoleAssumption() {
        FlowAnalyzer a = FlowAnalyzer.of(ConfigBuilder.build(RouterOsReader.read("r.rsc", """
                /ip address add address=192.168.88.1/24 interface=ether2
                /ip address add address=203.0.113.2/24 interface=ether1
                /ip route add gateway=203.0.113.1
                /ip firewall nat add chain=dstnat dst-address=203.0.113.2 protocol=tcp dst-port=443 action=dst-nat to-addresses=192.168.88.10
                """)));
        assertThat(a.flows()).isNotEmpty().allMatch((Flow f) -> f.assumptions().isEmpty());
    }
}
