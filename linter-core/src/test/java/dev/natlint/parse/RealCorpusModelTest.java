package dev.natlint.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.natlint.RealCorpus;
import dev.natlint.model.ConfigBuilder;
import dev.natlint.model.FirewallRule;
import dev.natlint.model.Interface;
import dev.natlint.model.IpAddress;
import dev.natlint.model.RouterConfig;
import dev.natlint.net.Ipv4;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Counts and fields checked by hand against real exports (grep for the numbers, reading for the fields),
 * one file per feature: terse v7, v6 with continuations, a script that replaces all NAT rules, a script
 * with variables and mixed line ends, a slash-form script whose NAT rule sits inside an :if.
 */
class RealCorpusModelTest {

    private static RouterConfig model(String name) throws IOException {
        return ConfigBuilder.build(RouterOsReader.read(name, RealCorpusTest.read(RealCorpus.file(name))));
    }

    @Test
    void terseV7Export() throws IOException {
        RouterConfig c = model("01-foxden-router-terse.rsc");
        // 26 lines start "/ip firewall nat add"
        assertThat(c.natRules()).hasSize(26);
        FirewallRule masq = c.natRules().get(3);
        assertThat(masq.location().line()).isEqualTo(428);
        assertThat(masq.action()).isEqualTo("masquerade");
        assertThat(masq.get("src-address")).contains("172.17.0.0/16");
        FirewallRule auth = c.natRules().get(4);
        assertThat(auth.location().line()).isEqualTo(429);
        assertThat(auth.disabled()).isTrue();
        assertThat(auth.comment()).isEqualTo("auth (TCP)");
        assertThat(auth.get("dst-port")).contains("80,443,4444");
        assertThat(auth.get("in-interface-list")).contains("zone-local");
        assertThat(auth.get("to-addresses")).contains("10.69.69.10");
        // renamed ports keep their factory name
        assertThat(c.findInterface("oob").map(Interface::defaultName)).contains("ether1");
        assertThat(c.findInterface("wan").map(Interface::defaultName)).contains("sfp-sfpplus12");
        assertThat(c.findInterface("ether1")).isEmpty();
        // 32 "/ip address add" lines, 33 list members
        assertThat(c.addresses()).hasSize(32);
        IpAddress first = c.addresses().get(0);
        assertThat(Ipv4.format(first.address()) + "/" + first.prefixLength()).isEqualTo("10.1.1.1/16");
        assertThat(first.iface()).isEqualTo("vlan-mgmt");
        assertThat(c.interfaceListMembers()).hasSize(33);
        assertThat(c.interfaceListMembers("iface-mgmt")).contains("vlan-mgmt", "vrrp-mgmt-gateway");
    }

    @Test
    void v6ExportWithContinuations() throws IOException {
        RouterConfig c = model("32-likwrk-config-v6.rsc");
        assertThat(c.routerOsVersion()).contains("6.49.18");
        assertThat(c.natRules()).hasSize(5);
        FirewallRule fwd = c.natRules().get(2);
        // "dst-port=\" continues on the next line with "443"
        assertThat(fwd.get("dst-port")).contains("443");
        assertThat(fwd.comment()).isEqualTo("Port-forwarding server 1");
        assertThat(fwd.get("in-interface-list")).contains("WAN");
        assertThat(fwd.get("to-addresses")).contains("192.168.88.11");
        assertThat(c.natRules().get(4).action()).isEqualTo("redirect");
        assertThat(c.findInterface("ether1-wan1").map(Interface::defaultName)).contains("ether1");
        assertThat(c.findInterface("ether2-wan2").map(Interface::defaultName)).contains("ether2");
        assertThat(c.addresses()).extracting(IpAddress::iface).containsExactly("ether1-wan1", "bridge-lan");
        assertThat(c.dhcpClients()).extracting(d -> d.iface()).containsExactly("ether2-wan2");
    }

    @Test
    void scriptThatReplacesAllNatRules() throws IOException {
        RouterConfig c = model("68-quangproo-router.rsc");
        // "remove [find]" then 14 adds
        assertThat(c.natRules()).hasSize(14);
        assertThat(c.natRules().get(0).get("out-interface")).contains("ether1");
        FirewallRule https = c.natRules().get(3);
        assertThat(https.comment()).isEqualTo("HTTPS");
        assertThat(https.get("dst-port")).contains("443");
        assertThat(https.get("to-ports")).contains("80");
        assertThat(https.get("protocol")).contains("tcp");
    }

    @Test
    void scriptWithGlobalsAndMixedLineEnds() throws IOException {
        RouterConfig c = model("84-thanos-dualwan-guest.rsc");
        // ":global lanBridge \"bridge-lan\"" and ":global lanAddress ..." are literal bindings
        assertThat(c.findInterface("bridge-lan")).isPresent();
        assertThat(c.addresses()).extracting(a -> Ipv4.format(a.address()) + "/" + a.prefixLength() + " " + a.iface())
                .containsExactly("192.168.20.1/24 bridge-lan", "192.168.60.1/24 vlan60");
        assertThat(c.natRules()).hasSize(4);
        assertThat(c.natRules()).extracting(FirewallRule::comment)
                .containsExactly("NAT Primary WAN", "NAT Backup WAN", "NAT Guest via WAN1", "NAT Guest via WAN2");
        assertThat(c.findInterface("vlan60").map(Interface::parent)).contains("bridge-lan");
        assertThat(c.findInterface("vlan60").map(Interface::vlanId)).contains(60);
    }

    @Test
    void slashFormScriptKeepsConditionalCommandsOutOfTheModel() throws IOException {
        ParsedScript s = RouterOsReader.read("62", RealCorpusTest.read(RealCorpus.file("62-oenik-basic-slash.rsc")));
        // the only NAT rule is inside ":if (...) do={ add ... }": parsed, kept, not applied
        assertThat(s.commands()).anyMatch(cmd -> cmd.conditional() && cmd.menu().equals("/ip firewall nat")
                && cmd.verb().equals("add") && cmd.location().line() == 40);
        assertThat(ConfigBuilder.build(s).natRules()).isEmpty();
    }
}
