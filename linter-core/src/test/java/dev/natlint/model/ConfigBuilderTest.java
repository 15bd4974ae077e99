package dev.natlint.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.natlint.diag.Location;
import dev.natlint.net.Ipv4;
import dev.natlint.parse.ParsedScript;
import dev.natlint.parse.RouterOsReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The configuration model: commands replayed the way the router applies them (issue 2, "Model").
 * Every expected value below follows from RouterOS semantics described in the reference (sections
 * 1.3, 4.4, 3.5), worked through by hand for each script.
 */
class ConfigBuilderTest {

    private static RouterConfig build(String text) {
        ParsedScript s = RouterOsReader.read("m.rsc", text);
        assertThat(s.syntaxFindings()).as("test scripts are well-formed").isEmpty();
        return ConfigBuilder.build(s);
    }

    private static List<String> comments(List<FirewallRule> rules) {
        return rules.stream().map(FirewallRule::comment).toList();
    }

    private static String cidr(IpAddress a) {
        return Ipv4.format(a.address()) + "/" + a.prefixLength();
    }

    // ---- renames ------------------------------------------------------------------------------------

    @Test
    void renameByDefaultNameKeepsTheFactoryNameAndTheCommandLocation() {
        RouterConfig c = build("/interface ethernet\nset [ find default-name=ether1 ] name=ether1-wan\n");
        assertThat(c.findInterface("ether1-wan")).hasValueSatisfying(i -> {
            assertThat(i.defaultName()).isEqualTo("ether1");
            assertThat(i.type()).isEqualTo(InterfaceType.ETHERNET);
            // located where the renaming command starts, not at its selector
            assertThat(i.location()).isEqualTo(new Location("m.rsc", 2, 1));
        });
        assertThat(c.findInterface("ether1")).isEmpty();
    }

    @Test
    void swappedNamesInAnExport() {
        // export order: renames first, then every reference uses the new names (reference 1.3)
        RouterConfig c = build("/interface ethernet\nset [ find default-name=ether1 ] name=ether5\n"
                + "set [ find default-name=ether5 ] name=ether1\n/ip address\nadd address=10.0.1.1/24 interface=ether1\n"
                + "add address=10.0.5.1/24 interface=ether5\n");
        assertThat(c.findInterface("ether1").map(Interface::defaultName)).contains("ether5");
        assertThat(c.findInterface("ether5").map(Interface::defaultName)).contains("ether1");
        assertThat(c.addresses()).extracting(ConfigBuilderTest::cidr, IpAddress::iface)
                .containsExactly(tuple("10.0.1.1/24", "ether1"), tuple("10.0.5.1/24", "ether5"));
        assertThat(c.interfaces()).filteredOn(i -> i.type() == InterfaceType.ETHERNET).hasSize(2);
    }

    @Test
    void referencesMadeBeforeARenameFollowIt() {
        // a script (not an export) that uses ether1 first and renames it afterwards: RouterOS keeps
        // references by internal id, so every earlier reference now names the renamed port
        RouterConfig c = build("/ip address add address=10.0.0.1/24 interface=ether1\n"
                + "/ip firewall nat add chain=srcnat action=masquerade out-interface=ether1\n"
                + "/interface list add name=WAN\n/interface list member add list=WAN interface=ether1\n"
                + "/ip dhcp-client add interface=ether1\n"
                + "/interface ethernet set [ find default-name=ether1 ] name=wan\n");
        assertThat(c.addresses()).extracting(IpAddress::iface).containsExactly("wan");
        assertThat(c.natRules().get(0).get("out-interface")).contains("wan");
        assertThat(c.interfaceListMembers("WAN")).containsExactly("wan");
        assertThat(c.dhcpClients()).extracting(DhcpClient::iface).containsExactly("wan");
        assertThat(c.findInterface("ether1")).isEmpty();
        assertThat(c.interfaces()).filteredOn(i -> i.type() == InterfaceType.ETHERNET).singleElement()
                .satisfies(i -> assertThat(i.name()).isEqualTo("wan"));
        // first mentioned by the address on line 1, first configured by the rename on line 6
        assertThat(c.findInterface("wan").map(Interface::location)).contains(new Location("m.rsc", 6, 1));
    }

    @Test
    void swapInAScriptAfterUse() {
        // the same swap run as a script after addresses exist: addresses move with their ports
        RouterConfig c = build("/ip address add address=10.0.1.1/24 interface=ether1\n"
                + "/ip address add address=10.0.5.1/24 interface=ether5\n"
                + "/interface ethernet set [ find default-name=ether1 ] name=tmp\n"
                + "/interface ethernet set [ find default-name=ether5 ] name=ether1\n"
                + "/interface ethernet set [ find default-name=ether1 ] name=ether5\n");
        assertThat(c.addresses()).extracting(ConfigBuilderTest::cidr, IpAddress::iface)
                .containsExactly(tuple("10.0.1.1/24", "ether5"), tuple("10.0.5.1/24", "ether1"));
    }

    @Test
    void renamingABridgeMovesItsPortsVlansAndAddresses() {
        RouterConfig c = build("/interface bridge\nadd name=br\n/interface vlan\nadd interface=br name=v10 vlan-id=10\n"
                + "/interface bridge port\nadd bridge=br interface=ether2\n/ip address\nadd address=192.168.1.1/24 interface=br\n"
                + "/interface bridge\nset br name=bridge-lan\n/interface\nset v10 name=vlan-iot\n");
        assertThat(c.findInterface("vlan-iot")).hasValueSatisfying(v -> {
            assertThat(v.parent()).isEqualTo("bridge-lan");
            assertThat(v.vlanId()).isEqualTo(10);
        });
        assertThat(c.bridgePortsOf("bridge-lan")).containsExactly("ether2");
        assertThat(c.addresses()).extracting(IpAddress::iface).containsExactly("bridge-lan");
    }

    // ---- rule order ---------------------------------------------------------------------------------

    @Test
    void placeBeforeZeroPutsTheRuleFirst() {
        // reference 1.8 example D
        RouterConfig c = build("/ip firewall nat\nadd chain=srcnat action=masquerade comment=masq\n"
                + "add chain=srcnat action=accept src-address=10.1.0.0/24 dst-address=10.2.0.0/24 place-before=0 comment=bypass\n");
        assertThat(comments(c.natRules())).containsExactly("bypass", "masq");
        assertThat(c.natRules()).extracting(FirewallRule::position).containsExactly(0, 1);
        // place-before is applied, not kept as a matcher
        assertThat(c.natRules().get(0).has("place-before")).isFalse();
        assertThat(c.natRules().get(0).location().line()).isEqualTo(3);
    }

    @Test
    void placeBeforeInTheMiddleAndBeyondTheEnd() {
        RouterConfig c = build("/ip firewall filter\nadd chain=input comment=a\nadd chain=input comment=b\n"
                + "add chain=input comment=c place-before=1\nadd chain=input comment=d place-before=99\n");
        assertThat(comments(c.filterRules())).containsExactly("a", "c", "b", "d");
    }

    @Test
    void placeBeforeAndDestinationPastEveryIntAreTheEnd() {
        // numbers over 2^31-1 threw NumberFormatException (seen while fuzzing, next to the byToken crash)
        // such numbers are syntax findings (out of range), and the replay places at the end instead of failing
        String text = "/ip firewall nat\nadd chain=a comment=a\nadd chain=b comment=b place-before=99999999999\n"
                + "add chain=c comment=c place-before=00000000000000000001\nmove 0 destination=9223372036854775808\n";
        dev.natlint.parse.ParsedScript script = RouterOsReader.read("m.rsc", text);
        assertThat(script.syntaxFindings()).extracting(f -> f.location().line()).containsExactly(3, 5);
        RouterConfig c = ConfigBuilder.build(script);
        assertThat(comments(c.natRules())).containsExactly("c", "b", "a");
    }

    @Test
    void aRegexConditionJavaCannotEvaluateMatchesNothing() {
        // "(a|b)*" over a long comment threw StackOverflowError out of find (seen while fuzzing)
        String longComment = "ab".repeat(20_000);
        RouterConfig c = build("/ip firewall nat\nadd chain=a comment=" + longComment + "\nadd chain=b comment=b\n"
                + "set [find where comment~\"(a|b)*\"] disabled=yes\n");
        assertThat(c.natRules()).extracting(FirewallRule::disabled).containsExactly(false, true);
    }

    @Test
    void moveByNumbersSelectorsListsAndToTheEnd() {
        // [a b c d] -> move D before 0: [d a b c] -> move 1,2 before 0: [a b d c] -> move 0 to the end: [b d c a]
        RouterConfig c = build("/ip firewall nat\nadd chain=a comment=a\nadd chain=b comment=b\nadd chain=c comment=c\n"
                + "add chain=d comment=d\nmove [find comment=d] 0\nmove 1,2 0\nmove 0\n");
        assertThat(comments(c.natRules())).containsExactly("b", "d", "c", "a");
    }

    @Test
    void moveWithNamedNumbersAndDestination() {
        // [a b c d] -> "move numbers=3 destination=0": [d a b c] -> "move numbers=1 destination=3": a before c
        RouterConfig c = build("/ip firewall nat\nadd chain=a comment=a\nadd chain=b comment=b\nadd chain=c comment=c\n"
                + "add chain=d comment=d\nmove numbers=3 destination=0\nmove numbers=1 destination=3\n");
        assertThat(comments(c.natRules())).containsExactly("d", "b", "a", "c");
        // positions are renumbered after the move
        assertThat(c.natRules()).extracting(FirewallRule::position).containsExactly(0, 1, 2, 3);
    }

    @Test
    void moveWithPositionalDestination() {
        RouterConfig c = build("/ip firewall filter\nadd chain=input comment=a\nadd chain=input comment=b\n"
                + "add chain=input comment=c\nmove 2 0\nmove 0 2\n");
        // [a b c] -> c before a: [c a b] -> c before b: [a c b]
        assertThat(comments(c.filterRules())).containsExactly("a", "c", "b");
    }

    // ---- find where: the selectors natlint's fixes use (reference 1.3, 6.4) ------------------------------

    @Test
    void placeBeforeAndMoveBySelection() {
        // [a b c] -> d placed before the first srcnat accept (b): [a d b c] -> c moved before a: [c a d b]
        RouterConfig c = build("/ip firewall nat\nadd chain=dstnat action=dst-nat comment=a to-addresses=10.0.0.1\n"
                + "add chain=srcnat action=accept comment=b\nadd chain=srcnat action=masquerade comment=c\n"
                + "add chain=srcnat action=masquerade comment=d place-before=[find where chain=srcnat && action=accept]\n"
                + "move [find where comment=\"c\"] destination=[find where action=dst-nat]\n");
        assertThat(comments(c.natRules())).containsExactly("c", "a", "d", "b");
    }

    @Test
    void placeBeforeASelectionOfNothingAppends() {
        RouterConfig c = build("/ip firewall filter\nadd chain=input comment=a\n"
                + "add chain=input comment=b place-before=[find where comment=\"missing\"]\n");
        assertThat(comments(c.filterRules())).containsExactly("a", "b");
    }

    @Test
    void findConditionsAsRouterOsEvaluatesThem() {
        // rule 0 enabled with default action accept, 1 disabled, 2 with a quoted comment containing spaces
        RouterConfig c = build("/ip firewall filter\nadd chain=forward comment=r0\n"
                + "add chain=forward action=drop disabled=yes comment=r1 in-interface-list=LAN\n"
                + "add chain=forward action=drop comment=\"natlint: r 2\" src-address=10.0.0.0/8\n"
                + "set [find where action=accept] comment=accept-default\n"
                + "set [find where disabled] log-prefix=was-disabled\n"
                + "set [find where !disabled and action!=accept] log-prefix=enabled-drop\n"
                + "set [find where comment=\"natlint: r 2\" dynamic=no] dst-port=1\n"
                + "set [find where !dynamic comment~\"^r[01]\"] protocol=tcp\n"
                + "set [find where dynamic] protocol=udp\n"
                + "set [find where in-interface-list!=LAN] log=yes\n"
                + "set [find where comment=r0 || comment=r1] connection-state=new\n");
        List<FirewallRule> r = c.filterRules();
        assertThat(comments(r)).containsExactly("accept-default", "r1", "natlint: r 2");
        assertThat(r).extracting(x -> x.get("log-prefix").orElse(null)).containsExactly(null, "was-disabled", "enabled-drop");
        assertThat(r).extracting(x -> x.get("dst-port").orElse(null)).containsExactly(null, null, "1");
        // only r1 still matches comment~"^r[01]" (r0 was renamed first); nothing in a script is dynamic
        assertThat(r).extracting(x -> x.get("protocol").orElse(null)).containsExactly(null, "tcp", null);
        // a rule without in-interface-list is != LAN
        assertThat(r).extracting(x -> x.get("log").orElse(null)).containsExactly("yes", null, "yes");
        // "||" is not evaluated: the selection is empty rather than a guess
        assertThat(r).allMatch(x -> !x.has("connection-state"));
    }

    @Test
    void removeBySelectorNumberAndAll() {
        RouterConfig c = build("/ip firewall nat\nadd chain=a comment=A\nadd chain=b comment=B\nadd chain=c comment=C\n"
                + "remove [find comment=B]\nremove 0\n/ip firewall filter\nadd chain=input\nadd chain=forward\nremove [find]\n"
                + "add chain=output comment=after\n");
        assertThat(comments(c.natRules())).containsExactly("C");
        assertThat(comments(c.filterRules())).containsExactly("after");
    }

    @Test
    void disabledRulesAreKeptAndMarked() {
        RouterConfig c = build("/ip firewall nat\nadd chain=a comment=A disabled=yes\nadd chain=b comment=B\nadd chain=c comment=C\n"
                + "disable [find chain=c]\nenable 0\ndisable 1\n");
        assertThat(c.natRules()).extracting(FirewallRule::comment, FirewallRule::disabled)
                .containsExactly(tuple("A", false), tuple("B", true), tuple("C", true));
        // disabled is a field, not a matcher
        assertThat(c.natRules().get(1).has("disabled")).isFalse();
    }

    @Test
    void everyMatcherAndActionPropertyIsKept() {
        RouterConfig c = build("/ip firewall nat\nadd action=dst-nat chain=dstnat comment=\"web\" dst-address-type=local "
                + "dst-address=!192.168.88.1 dst-port=80,443 in-interface-list=WAN protocol=tcp src-address-list=ok "
                + "to-addresses=192.168.88.10 to-ports=8080 log=yes log-prefix=\"web \"\n");
        FirewallRule r = c.natRules().get(0);
        assertThat(r.chain()).isEqualTo("dstnat");
        assertThat(r.action()).isEqualTo("dst-nat");
        assertThat(r.properties()).containsExactly(
                java.util.Map.entry("dst-address-type", "local"), java.util.Map.entry("dst-address", "!192.168.88.1"),
                java.util.Map.entry("dst-port", "80,443"), java.util.Map.entry("in-interface-list", "WAN"),
                java.util.Map.entry("protocol", "tcp"), java.util.Map.entry("src-address-list", "ok"),
                java.util.Map.entry("to-addresses", "192.168.88.10"), java.util.Map.entry("to-ports", "8080"),
                java.util.Map.entry("log", "yes"), java.util.Map.entry("log-prefix", "web "));
    }

    @Test
    void unsettingAProperty() {
        RouterConfig c = build("/ip firewall nat\nadd chain=dstnat in-interface-list=WAN comment=x\nset 0 !in-interface-list\n");
        assertThat(c.natRules().get(0).has("in-interface-list")).isFalse();
        assertThat(c.natRules().get(0).comment()).isEqualTo("x");
    }

    @Test
    void abbreviatedFirewallPropertiesGetTheirFullNames() {
        RouterConfig c = build("/ip firewall nat\nadd chain=dstnat action=dst-nat to-address=10.0.0.5 to-port=8080 "
                + "dst-p=443 in-interface-l=WAN\n/ip firewall filter\nadd chain=forward connection-nat-s=dstnat\n"
                + "/ip firewall nat\nset 0 to-address=10.0.0.6\n");
        assertThat(c.natRules().get(0).properties()).containsOnlyKeys("to-addresses", "to-ports", "dst-port", "in-interface-list");
        // the later "set" with the abbreviation overwrites the same property
        assertThat(c.natRules().get(0).get("to-addresses")).contains("10.0.0.6");
        assertThat(c.filterRules().get(0).get("connection-nat-state")).contains("dstnat");
        // an ambiguous prefix (dst-address, -list, -type) is kept as written
        RouterConfig amb = build("/ip firewall filter\nadd chain=forward dst-addr=1.2.3.4\n");
        assertThat(amb.filterRules().get(0).properties()).containsOnlyKeys("dst-addr");
    }

    // ---- services -----------------------------------------------------------------------------------

    @Test
    void servicesStartFromTheDefaults() {
        RouterConfig c = build("/ip service\nset www disabled=yes\nset ssh port=2222 address=10.0.0.0/8,192.168.0.0/16\n"
                + "set [ find name=api ] disabled=yes\nset telnet,ftp disabled=yes\n/ip service disable api-ssl\n");
        assertThat(c.services()).extracting(IpService::name, IpService::port, IpService::disabled).containsExactly(
                tuple("telnet", 23, true), tuple("ftp", 21, true), tuple("www", 80, true), tuple("ssh", 2222, false),
                tuple("www-ssl", 443, false), tuple("api", 8728, true), tuple("winbox", 8291, false),
                tuple("api-ssl", 8729, true));
        IpService ssh = c.services().get(3);
        assertThat(ssh.allowedFrom()).containsExactly("10.0.0.0/8", "192.168.0.0/16");
        // a service the script configures is located at the first command that does; untouched ones are not
        assertThat(ssh.location()).isEqualTo(new Location("m.rsc", 3, 1));
        assertThat(c.services().get(2).location()).isEqualTo(new Location("m.rsc", 2, 1));
        assertThat(c.services().get(7).location()).isEqualTo(new Location("m.rsc", 6, 1));
        assertThat(c.services().get(6).location()).isNull();
    }

    @Test
    void servicesUntouchedWithoutScript() {
        RouterConfig c = build("/system identity set name=r1\n");
        assertThat(c.services()).hasSize(8).allSatisfy(s -> {
            assertThat(s.disabled()).isFalse();
            assertThat(s.location()).isNull();
        });
    }

    // ---- interfaces and lists -----------------------------------------------------------------------

    @Test
    void interfaceListsWithIncludeAndExclude() {
        RouterConfig c = build("/interface bridge add name=br\n/interface wireguard add name=wg0 listen-port=13231\n"
                + "/interface list\nadd name=WAN\nadd name=LAN\nadd name=VPN\nadd name=INSIDE include=LAN,VPN exclude=GUEST\n"
                + "add name=GUEST\n/interface list member\nadd list=WAN interface=ether1\nadd list=LAN interface=br\n"
                + "add list=LAN interface=ether3\nadd list=VPN interface=wg0\nadd list=GUEST interface=ether3\n"
                + "add list=LAN interface=ether4 disabled=yes\n");
        assertThat(c.findInterfaceList("INSIDE")).hasValueSatisfying(l -> {
            assertThat(l.include()).containsExactly("LAN", "VPN");
            assertThat(l.exclude()).containsExactly("GUEST");
            assertThat(l.builtin()).isFalse();
        });
        assertThat(c.interfaceListMembers("LAN")).containsExactly("br", "ether3");
        // LAN + VPN, minus GUEST's ether3
        assertThat(c.interfaceListMembers("INSIDE")).containsExactly("br", "wg0");
        assertThat(c.interfaceListMembers("WAN")).containsExactly("ether1");
        assertThat(c.interfaceListMembers("all")).containsExactly("br", "ether1", "ether3", "ether4", "wg0");
        assertThat(c.interfaceListMembers("none")).isEmpty();
        assertThat(c.interfaceListMembers()).extracting(InterfaceListMember::list, InterfaceListMember::iface,
                InterfaceListMember::disabled).contains(tuple("LAN", "ether4", true));
        assertThat(c.findInterfaceList("all").map(InterfaceList::builtin)).contains(true);
    }

    @Test
    void bridgePorts() {
        RouterConfig c = build("/interface bridge\nadd name=bridge\n/interface bridge port\nadd bridge=bridge interface=ether2 pvid=10\n"
                + "add bridge=bridge interface=ether3 disabled=yes\nadd bridge=bridge interface=wlan1\n");
        assertThat(c.bridgePorts()).extracting(BridgePort::iface, BridgePort::pvid, BridgePort::disabled).containsExactly(
                tuple("ether2", 10, false), tuple("ether3", null, true), tuple("wlan1", null, false));
        assertThat(c.bridgePortsOf("bridge")).containsExactly("ether2", "wlan1");
        assertThat(c.findInterface("wlan1").map(Interface::type)).contains(InterfaceType.WIRELESS);
        assertThat(c.bridgePorts().get(1).location()).isEqualTo(new Location("m.rsc", 5, 1));
    }

    @Test
    void vlanParentAndAutomaticName() {
        RouterConfig c = build("/interface bridge\nadd name=br\n/interface vlan\nadd interface=br name=v20 vlan-id=20\n"
                + "add interface=ether1 vlan-id=30\n");
        assertThat(c.interfaces()).filteredOn(i -> i.type() == InterfaceType.VLAN)
                .extracting(Interface::name, Interface::parent, Interface::vlanId)
                .containsExactly(tuple("v20", "br", 20), tuple("vlan1", "ether1", 30));
    }

    @Test
    void pppoeClientDhcpClientAndTunnels() {
        RouterConfig c = build("/interface pppoe-client\nadd interface=ether1 user=isp disabled=no\n"
                + "add interface=ether2 name=pppoe-b user=isp2 add-default-route=yes\n"
                + "/interface wireguard\nadd name=wg0 listen-port=13231\n/interface gre\nadd name=gre1 remote-address=192.0.2.1\n"
                + "/ip dhcp-client\nadd interface=ether3 add-default-route=no\nadd interface=ether4 disabled=yes\n");
        assertThat(c.findInterface("pppoe-out1")).hasValueSatisfying(p -> {
            assertThat(p.type()).isEqualTo(InterfaceType.PPPOE_CLIENT);
            assertThat(p.parent()).isEqualTo("ether1");
            assertThat(p.property("user")).contains("isp");
        });
        assertThat(c.findInterface("pppoe-b").map(Interface::parent)).contains("ether2");
        assertThat(c.findInterface("wg0").map(Interface::type)).contains(InterfaceType.TUNNEL);
        assertThat(c.findInterface("gre1").map(Interface::type)).contains(InterfaceType.TUNNEL);
        assertThat(c.dhcpClients()).extracting(DhcpClient::iface, DhcpClient::addDefaultRoute, DhcpClient::disabled)
                .containsExactly(tuple("ether3", false, false), tuple("ether4", true, true));
    }

    @Test
    void implicitPortsAreMarked() {
        RouterConfig c = build("/interface bridge add name=br\n/ip address add address=10.0.0.1/24 interface=ether7\n");
        assertThat(c.findInterface("ether7")).hasValueSatisfying(i -> {
            assertThat(i.implicit()).isTrue();
            assertThat(i.defaultName()).isEqualTo("ether7");
            // nothing in the script declares it
            assertThat(i.location()).isNull();
        });
        assertThat(c.findInterface("br").map(Interface::implicit)).contains(false);
    }

    // ---- addresses, routes, lists, dns --------------------------------------------------------------

    @Test
    void addressesRoutesAddressListsAndDns() {
        RouterConfig c = build("/ip address\nadd address=192.168.88.1/24 interface=bridge network=192.168.88.0\n"
                + "add address=203.0.113.2 interface=ether1 disabled=yes\n/ip route\nadd gateway=1.1.1.1 routing-mark=isp2\n"
                + "add dst-address=10.0.0.0/8 gateway=2.2.2.2 routing-table=t2 distance=5\nadd blackhole dst-address=192.168.0.0/16\n"
                + "add type=blackhole dst-address=172.16.0.0/12\n"
                + "/ip firewall address-list\nadd list=L address=1.2.3.4\nadd list=L address=example.com disabled=yes\n"
                + "/ip dns static\nadd name=a.lan address=10.0.0.1\nadd regexp=\".*\\\\.lan\" address=10.0.0.2\n");
        assertThat(c.addresses()).extracting(ConfigBuilderTest::cidr, IpAddress::iface, IpAddress::disabled)
                .containsExactly(tuple("192.168.88.1/24", "bridge", false), tuple("203.0.113.2/32", "ether1", true));
        assertThat(Ipv4.format(c.addresses().get(0).network())).isEqualTo("192.168.88.0");
        assertThat(c.routes()).extracting(r -> Ipv4.format(r.dstAddress()) + "/" + r.prefixLength(), Route::gateway,
                Route::distance, Route::routingTable, Route::blackhole).containsExactly(
                tuple("0.0.0.0/0", "1.1.1.1", 1, "isp2", false), tuple("10.0.0.0/8", "2.2.2.2", 5, "t2", false),
                tuple("192.168.0.0/16", null, 1, "main", true), tuple("172.16.0.0/12", null, 1, "main", true));
        assertThat(c.routes().get(0).isDefault()).isTrue();
        assertThat(c.addressListEntries()).extracting(AddressListEntry::list, AddressListEntry::address,
                AddressListEntry::disabled).containsExactly(tuple("L", "1.2.3.4", false), tuple("L", "example.com", true));
        assertThat(c.addressList("L")).extracting(AddressListEntry::address).containsExactly("1.2.3.4");
        assertThat(c.dnsStatic()).extracting(DnsStatic::name, DnsStatic::regexp, DnsStatic::address).containsExactly(
                tuple("a.lan", null, "10.0.0.1"), tuple(null, ".*\\.lan", "10.0.0.2"));
    }

    @Test
    void ipv6SectionsStayOutOfTheIpv4Model() {
        RouterConfig c = build("/ipv6 address\nadd address=2001:db8::1/64 interface=ether1\n/ipv6 firewall filter\n"
                + "add chain=input action=drop in-interface-list=!LAN\n/ipv6 firewall nat\nadd chain=srcnat action=masquerade\n"
                + "/ipv6 route\nadd dst-address=::/0 gateway=fe80::1%ether1\n");
        assertThat(c.addresses()).isEmpty();
        assertThat(c.filterRules()).isEmpty();
        assertThat(c.natRules()).isEmpty();
        assertThat(c.routes()).isEmpty();
        assertThat(c.items("/ipv6 firewall filter")).singleElement()
                .satisfies(i -> assertThat(i.get("in-interface-list")).contains("!LAN"));
        assertThat(c.items("/ipv6 address")).singleElement()
                .satisfies(i -> assertThat(i.get("address")).contains("2001:db8::1/64"));
        assertThat(c.items("/ipv6 firewall nat")).hasSize(1);
    }

    @Test
    void unknownMenusAndPropertiesAreKeptGenerically() {
        RouterConfig c = build("/routing table\nadd disabled=no fib name=ISP2\n/ip pool\nadd name=dhcp ranges=192.168.88.10-192.168.88.254\n"
                + "/ip dns\nset servers=1.1.1.1 allow-remote-requests=yes\n/ip firewall nat\nadd chain=srcnat action=masquerade "
                + "some-future-matcher=42\n");
        assertThat(c.items("/routing table")).singleElement().satisfies(i -> {
            assertThat(i.get("fib")).contains("yes");
            assertThat(i.get("name")).contains("ISP2");
            assertThat(i.disabled()).isFalse();
            assertThat(i.location()).isEqualTo(new Location("m.rsc", 2, 1));
        });
        assertThat(c.items("/ip pool")).singleElement().satisfies(i -> assertThat(i.get("ranges")).contains("192.168.88.10-192.168.88.254"));
        assertThat(c.items("/ip dns")).singleElement().satisfies(i -> assertThat(i.get("servers")).contains("1.1.1.1"));
        assertThat(c.dnsAllowRemoteRequests()).isTrue();
        assertThat(c.natRules().get(0).get("some-future-matcher")).contains("42");
    }

    // ---- scripting ----------------------------------------------------------------------------------

    @Test
    void commandsUnderIfAreNotAppliedButPlainBlocksAndMenuBlocksAre() {
        RouterConfig c = build(":if ($wan = \"pppoe\") do={ /ip firewall nat add chain=srcnat action=masquerade comment=if }\n"
                + "{\n  /ip firewall nat add chain=srcnat action=masquerade comment=block\n}\n"
                + "/ip dns { set allow-remote-requests=yes; static add name=nas.lan address=192.168.88.10 }\n");
        assertThat(comments(c.natRules())).containsExactly("block");
        assertThat(c.natRules().get(0).location()).isEqualTo(new Location("m.rsc", 3, 3));
        assertThat(c.dnsAllowRemoteRequests()).isTrue();
        assertThat(c.dnsStatic()).extracting(DnsStatic::name, DnsStatic::address).containsExactly(tuple("nas.lan", "192.168.88.10"));
    }

    @Test
    void literalLocalResolvesInItsBlock() {
        // reference 1.8 example D
        RouterConfig c = build("{\n    :local srv 192.168.88.10\n    /ip firewall nat add chain=dstnat action=dst-nat protocol=tcp "
                + "dst-port=80,443 \\\n        dst-address-type=local dst-address=!192.168.88.1 to-addresses=$srv\n}\n"
                + "/ip firewall nat add chain=dstnat action=dst-nat to-addresses=$srv comment=outside\n");
        assertThat(c.natRules().get(0).get("to-addresses")).contains("192.168.88.10");
        assertThat(c.natRules().get(0).get("dst-address")).contains("!192.168.88.1");
        // outside the block the local is gone: the value stays the unresolved variable
        assertThat(c.natRules().get(1).get("to-addresses")).contains("$srv");
    }

    @Test
    void doBodyRunsButItsErrorHandlerDoesNot() {
        RouterConfig c = build(":do { /ip route add gateway=10.0.0.1 } on-error={ /ip route add gateway=10.0.0.2 }\n"
                + ":onerror e in={ /ip route add gateway=10.0.0.3 } do={ /ip route add gateway=10.0.0.4 }\n");
        assertThat(c.routes()).extracting(Route::gateway).containsExactly("10.0.0.1", "10.0.0.3");
    }

    // ---- locations ----------------------------------------------------------------------------------

    @Test
    void everyElementRemembersWhereItsCommandStarts() {
        RouterConfig c = build("/interface bridge\nadd name=br\n/interface bridge port\nadd bridge=br interface=ether2\n"
                + "/interface list\nadd name=LAN\n/interface list member\nadd list=LAN interface=br\n/ip address\n"
                + "add address=10.0.0.1/24 interface=br\n/ip route\nadd gateway=10.0.0.254\n/ip dhcp-client\nadd interface=ether1\n"
                + "/ip firewall address-list\nadd list=x address=1.1.1.1\n/ip dns static\nadd name=a address=10.0.0.2\n"
                + "/ip firewall filter\nadd chain=input\n/ip firewall mangle\nadd chain=prerouting\n/ip firewall raw\n"
                + "add chain=prerouting\n  /ip firewall nat add chain=srcnat\n");
        assertThat(c.findInterface("br").orElseThrow().location()).isEqualTo(new Location("m.rsc", 2, 1));
        assertThat(c.bridgePorts().get(0).location().line()).isEqualTo(4);
        assertThat(c.findInterfaceList("LAN").orElseThrow().location().line()).isEqualTo(6);
        assertThat(c.interfaceListMembers().get(0).location().line()).isEqualTo(8);
        assertThat(c.addresses().get(0).location().line()).isEqualTo(10);
        assertThat(c.routes().get(0).location().line()).isEqualTo(12);
        assertThat(c.dhcpClients().get(0).location().line()).isEqualTo(14);
        assertThat(c.addressListEntries().get(0).location().line()).isEqualTo(16);
        assertThat(c.dnsStatic().get(0).location().line()).isEqualTo(18);
        assertThat(c.filterRules().get(0).location().line()).isEqualTo(20);
        assertThat(c.rules(Table.MANGLE).get(0).location().line()).isEqualTo(22);
        assertThat(c.rules(Table.RAW).get(0).location().line()).isEqualTo(24);
        assertThat(c.natRules().get(0).location()).isEqualTo(new Location("m.rsc", 25, 3));
    }

    // ---- set without a number -------------------------------------------------------------------

    @Test
    void setWithoutANumberMakesNoNamelessInterfaceButStillSetsASingletonMenu() {
        // found by the pipeline fuzzer: the nameless item became an interface and crashed the graph
        RouterConfig c = build("/interface ethernet\nset mtu=1500\n/ip dns\nset allow-remote-requests=yes\n");
        assertThat(c.interfaces()).extracting(Interface::name).doesNotContainNull();
        assertThat(c.interfaces()).noneMatch(i -> "1500".equals(i.properties().get("mtu")));
        assertThat(c.dnsAllowRemoteRequests()).isTrue();
    }

    @Test
    void changesThatFindNothingTheScriptCreatedAreKept() {
        RouterConfig c = build("""
                /ip address add address=192.168.88.1/24 interface=ether2
                /ip address set [find interface=ether3] address=10.0.0.1/24
                /ip address set [find interface=ether2] comment=lan
                /ip firewall filter disable [find comment="defconf: drop invalid"]
                /ip firewall filter remove [find]
                /ip firewall nat enable 7
                """);
        assertThat(c.unmatchedChanges()).extracting(UnmatchedChange::menu, UnmatchedChange::verb, u -> u.location().line())
                .containsExactly(tuple("/ip address", "set", 2), tuple("/ip firewall filter", "disable", 4),
                        tuple("/ip firewall nat", "enable", 6));
    }
}
