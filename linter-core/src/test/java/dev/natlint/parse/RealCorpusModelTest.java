package dev.natlint.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.natlint.RealCorpus;
import static org.assertj.core.groups.Tuple.tuple;

import dev.natlint.diag.Location;
import dev.natlint.model.BridgePort;
import dev.natlint.model.ConfigBuilder;
import dev.natlint.model.FirewallRule;
import dev.natlint.model.Interface;
import dev.natlint.model.InterfaceType;
import dev.natlint.model.IpAddress;
import dev.natlint.model.IpService;
import dev.natlint.model.Route;
import dev.natlint.model.RouterConfig;
import dev.natlint.model.Table;
import dev.natlint.net.Ipv4;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Counts and fields checked by hand against real exports (grep for the numbers, reading for the fields,
 * minding continuation lines and disabled rules), one file per feature: terse v7, v6 with
 * continuations, a CRLF v7 export with quoted interface names, a v6 export with renames, VLANs and ten
 * NAT rules, a terse script with twelve NAT rules, a script that replaces all NAT rules, a script with
 * variables and mixed line ends, and two slash-form scripts.
 */
class RealCorpusModelTest {

    private static ParsedScript parse(String name) throws IOException {
        return RouterOsReader.read(name, RealCorpusTest.read(RealCorpus.file(name)));
    }

    private static RouterConfig model(String name) throws IOException {
        return ConfigBuilder.build(parse(name));
    }

    private static String cidr(IpAddress a) {
        return Ipv4.format(a.address()) + "/" + a.prefixLength();
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

    @Test
    void crlfV7ExportWithQuotedInterfaceNames() throws IOException {
        RouterConfig c = model("07-msp-ravenite.rsc");
        assertThat(c.routerOsVersion()).contains("7.16.2");
        // one "add" under /ip firewall nat (line 76, counted with grep -n on the CRLF file)
        assertThat(c.natRules()).singleElement().satisfies(r -> {
            assertThat(r.chain()).isEqualTo("srcnat");
            assertThat(r.action()).isEqualTo("masquerade");
            assertThat(r.get("out-interface")).contains("ether1 - WAN Uniti");
            assertThat(r.location()).isEqualTo(new Location("07-msp-ravenite.rsc", 76, 1));
        });
        // two filter rules; the second continues "in-interface=\" with the quoted name on line 74
        assertThat(c.filterRules()).hasSize(2);
        FirewallRule udp = c.filterRules().get(1);
        assertThat(udp.location().line()).isEqualTo(73);
        assertThat(udp.action()).isEqualTo("drop");
        assertThat(udp.get("dst-port")).contains("53,123,161");
        assertThat(udp.get("in-interface")).contains("ether1 - WAN Uniti");
        assertThat(udp.get("protocol")).contains("udp");
        // renames with quoted names, and ether10 that is configured without a rename
        assertThat(c.findInterface("ether1 - WAN Uniti")).hasValueSatisfying(i -> {
            assertThat(i.defaultName()).isEqualTo("ether1");
            assertThat(i.location().line()).isEqualTo(10);
        });
        assertThat(c.findInterface("ether2 - LAN").map(Interface::defaultName)).contains("ether2");
        assertThat(c.findInterface("ether10").map(i -> i.property("poe-out"))).contains(java.util.Optional.of("off"));
        assertThat(c.findInterface("Guest")).hasValueSatisfying(v -> {
            assertThat(v.type()).isEqualTo(InterfaceType.VLAN);
            assertThat(v.parent()).isEqualTo("bridge");
            assertThat(v.vlanId()).isEqualTo(200);
        });
        // ten bridge ports, lines 29 to 47
        assertThat(c.bridgePorts()).hasSize(10);
        assertThat(c.bridgePorts().get(0).iface()).isEqualTo("ether2 - LAN");
        assertThat(c.bridgePorts().get(9)).extracting(BridgePort::iface, b -> b.location().line())
                .containsExactly("sfp-sfpplus1", 47);
        assertThat(c.addresses()).extracting(RealCorpusModelTest::cidr, IpAddress::iface).containsExactly(
                tuple("208.114.200.134/30", "ether1 - WAN Uniti"), tuple("192.168.1.1/24", "bridge"),
                tuple("192.168.0.1/24", "Guest"));
        assertThat(c.interfaceListMembers("LAN")).containsExactly("bridge");
        assertThat(c.interfaceListMembers("WAN")).containsExactly("ether1 - WAN Uniti");
        // "routing-table=\" continues with "main" on line 87
        assertThat(c.routes()).singleElement().satisfies(r -> {
            assertThat(r.gateway()).isEqualTo("208.114.200.133");
            assertThat(r.routingTable()).isEqualTo("main");
            assertThat(r.isDefault()).isTrue();
        });
        assertThat(c.services()).filteredOn(sv -> !sv.disabled()).extracting(IpService::name, IpService::port)
                .containsExactly(tuple("www-ssl", 443), tuple("winbox", 8899));
        // the IPv6 sections are kept generically, not mixed into the IPv4 model
        assertThat(c.items("/ipv6 firewall filter")).hasSize(22);
        assertThat(c.items("/ipv6 firewall address-list")).hasSize(9);
    }

    @Test
    void v6ExportWithRenamesVlansAndTenNatRules() throws IOException {
        ParsedScript s = parse("34-pancho-relitto-principal.rsc");
        RouterConfig c = ConfigBuilder.build(s);
        assertThat(c.routerOsVersion()).contains("6.49.2");
        // five renamed ports; names with spaces, some continued onto the next line after "name=\"
        assertThat(c.interfaces()).filteredOn(i -> i.type() == InterfaceType.ETHERNET)
                .extracting(Interface::defaultName, Interface::name).containsExactly(
                        tuple("ether1", "ether1 - Tx - 1009248"), tuple("ether2", "ether2 - AP"),
                        tuple("ether3", "ether3 PM iP 10.69.56.166"), tuple("ether4", "ether4 Libre"),
                        tuple("ether5", "ether5 - Mikrotik 720 N2"));
        assertThat(c.findInterface("ether3 PM iP 10.69.56.166").map(i -> i.location().line())).contains(13);
        assertThat(c.interfaces()).filteredOn(i -> i.type() == InterfaceType.VLAN)
                .extracting(Interface::name, Interface::parent, Interface::vlanId).containsExactly(
                        tuple("vlan20_1", "ether1 - Tx - 1009248", 20), tuple("vlan20_2", "ether2 - AP", 20),
                        tuple("vlan20_5", "ether5 - Mikrotik 720 N2", 20), tuple("vlan481_1", "ether1 - Tx - 1009248", 481),
                        tuple("vlan500_2", "ether2 - AP", 500), tuple("vlan500_5", "ether5 - Mikrotik 720 N2", 500));
        assertThat(c.interfaces()).hasSize(13);
        assertThat(c.bridgePortsOf("bridge20")).containsExactly("vlan20_2", "vlan20_1", "vlan20_5");
        assertThat(c.bridgePortsOf("bridgeLAN_500")).containsExactly("ether4 Libre", "vlan500_2", "vlan500_5");
        assertThat(c.addresses()).extracting(RealCorpusModelTest::cidr, IpAddress::iface).containsExactly(
                tuple("192.168.88.1/24", "bridgeLAN_500"), tuple("200.108.242.105/28", "vlan481_1"),
                tuple("10.69.20.110/24", "vlan20_1"), tuple("200.108.237.146/29", "ether3 PM iP 10.69.56.166"));
        // line 53 "add comment=defconf list=LAN" names no interface, so only line 54 is a member
        assertThat(c.interfaceListMembers()).singleElement().satisfies(m -> {
            assertThat(m.list()).isEqualTo("WAN");
            assertThat(m.iface()).isEqualTo("vlan481_1");
            assertThat(m.location().line()).isEqualTo(54);
        });
        // ten NAT adds (lines 114 to 135), none disabled
        assertThat(c.natRules()).hasSize(10).noneMatch(FirewallRule::disabled);
        assertThat(c.natRules().get(1).get("out-interface")).contains("ether3 PM iP 10.69.56.166");
        FirewallRule r4 = c.natRules().get(4);
        assertThat(r4.location().line()).isEqualTo(122);
        assertThat(r4.comment()).isEqualTo("Mikrotik951 Numero 2");
        assertThat(r4.chain()).isEqualTo("dstnat");
        assertThat(r4.action()).isEqualTo("dst-nat");
        assertThat(r4.get("dst-port")).contains("8294");
        assertThat(r4.get("in-interface")).contains("vlan481_1");
        assertThat(r4.get("to-addresses")).contains("192.168.88.4");
        // "to-ports=\" continues with "8291" on line 124
        assertThat(r4.get("to-ports")).contains("8291");
        // "protocol=\" continues with "tcp" on line 134
        assertThat(c.natRules().get(8).get("protocol")).contains("tcp");
        assertThat(c.filterRules()).hasSize(14);
        assertThat(c.rules(Table.MANGLE)).hasSize(8);
        assertThat(c.rules(Table.MANGLE).get(4).get("per-connection-classifier")).contains("both-addresses-and-ports:2/0");
        // v6 policy routing: routing-mark becomes the routing table
        assertThat(c.routes()).extracting(Route::gateway, Route::routingTable, Route::distance).containsExactly(
                tuple("200.108.237.145", "OUT_Ether3", 1), tuple("200.108.242.97", "OUT_Vlan481", 1),
                tuple("200.108.242.97", "main", 1), tuple("200.108.237.145", "main", 100),
                tuple("10.69.20.1", "main", 1), tuple("10.69.20.1", "main", 1));
        assertThat(c.services()).filteredOn(sv -> sv.name().equals("ssh")).singleElement()
                .satisfies(sv -> assertThat(sv.port()).isEqualTo(3322));
        // a quoted value continued in the middle of a word: "...winbox,pas\" + "    sword,web,..."
        assertThat(s.commands()).filteredOn(cmd -> cmd.menu().equals("/user group")).singleElement()
                .satisfies(cmd -> assertThat(cmd.property("policy").orElseThrow().value().text())
                        .contains(",winbox,password,web,"));
    }

    @Test
    void terseScriptWithTwelveNatRules() throws IOException {
        RouterConfig c = model("69-dankoj-firewall.rsc");
        assertThat(c.routerOsVersion()).isEmpty();
        // lines 61 to 72, one "/ip firewall nat add" each
        assertThat(c.natRules()).hasSize(12);
        assertThat(c.natRules()).extracting(r -> r.location().line())
                .containsExactly(61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72);
        assertThat(c.natRules().get(0)).extracting(FirewallRule::action, FirewallRule::comment)
                .containsExactly("masquerade", "Standard NAT");
        assertThat(c.natRules().get(0).get("out-interface-list")).contains("WAN");
        FirewallRule cam = c.natRules().get(4);
        assertThat(cam.chain()).isEqualTo("dstnat");
        assertThat(cam.get("dst-address")).contains("!254.255.255.255");
        assertThat(cam.get("dst-port")).contains("15");
        assertThat(cam.get("in-interface-list")).contains("LAN");
        assertThat(cam.get("to-addresses")).contains("192.168.LL.XX");
        assertThat(cam.get("to-ports")).contains("37777");
        FirewallRule ha = c.natRules().get(8);
        assertThat(ha.comment()).isEqualTo("NAT-port home server from outside");
        assertThat(ha.get("log")).contains("yes");
        assertThat(ha.has("to-ports")).isFalse();
        assertThat(c.natRules().get(11).get("to-ports")).contains("22");
        // 29 filter rules (lines 32 to 60); the two "TEST" rules are disabled
        assertThat(c.filterRules()).hasSize(29);
        assertThat(c.filterRules()).filteredOn(FirewallRule::disabled).extracting(r -> r.location().line())
                .containsExactly(43, 58);
        assertThat(c.addressListEntries()).singleElement().satisfies(e -> {
            assertThat(e.list()).isEqualTo("WAN-IP");
            assertThat(e.address()).isEqualTo("d99999999999.sn.mynetname.net");
        });
        assertThat(c.services()).filteredOn(IpService::disabled).extracting(IpService::name, sv -> sv.location().line())
                .containsExactly(tuple("telnet", 3), tuple("ftp", 4), tuple("www", 5));
        assertThat(c.findInterfaceList("WAN")).isPresent();
        assertThat(c.interfaceListMembers("WAN")).isEmpty();
    }

    @Test
    void slashFormFirewallScript() throws IOException {
        ParsedScript s = parse("61-oenik-firewall-slash.rsc");
        RouterConfig c = ConfigBuilder.build(s);
        // "/ip/firewall/filter", "remove [find]", then 5 + 6 adds
        assertThat(c.filterRules()).hasSize(11);
        FirewallRule ping = c.filterRules().get(1);
        assertThat(ping.comment()).isEqualTo("Allow pinging");
        assertThat(ping.get("in-interface")).contains("ether1");
        assertThat(ping.get("protocol")).contains("icmp");
        assertThat(ping.location().line()).isEqualTo(9);
        assertThat(c.filterRules().get(10)).extracting(FirewallRule::action, FirewallRule::comment, r -> r.location().line())
                .containsExactly("drop", "Block SSH", 20);
        // the NAT rule is tab-indented inside ":if (...) do={ ... }": kept, not applied
        assertThat(s.commands()).anyMatch(cmd -> cmd.conditional() && cmd.menu().equals("/ip firewall nat")
                && cmd.location().line() == 25 && cmd.location().column() == 2);
        assertThat(c.natRules()).isEmpty();
        assertThat(s.commentsByLine()).containsOnlyKeys(1, 3, 7, 14, 22);
    }
}
