package dev.natlint.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.natlint.model.ConfigBuilder;
import dev.natlint.model.RouterConfig;
import dev.natlint.model.Table;
import dev.natlint.net.IntervalSet;
import dev.natlint.parse.RouterOsReader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each matcher and action is read once into its typed form, keeping what the user wrote. */
class PolicyReaderTest {

    private static Policy policy(String script) {
        RouterConfig c = ConfigBuilder.build(RouterOsReader.read("p.rsc", script));
        return Policy.of(c);
    }

    /** The only rule of {@code table} in a one-line script. */
    private static PolicyRule rule(Table table, String line) {
        List<PolicyRule> rules = policy(line + "\n").rules(table);
        assertThat(rules).hasSize(1);
        return rules.get(0);
    }

    private static PolicyRule filter(String args) {
        return rule(Table.FILTER, "/ip firewall filter add chain=forward action=drop " + args);
    }

    private static Guard only(String args) {
        PolicyRule r = filter(args);
        assertThat(r.guards()).hasSize(1);
        return r.guards().get(0);
    }

    @Test
    void addressesAsPrefixRangeAndSingleAddress() {
        Guard.Address prefix = (Guard.Address) only("src-address=192.168.88.0/24");
        assertThat(prefix.side()).isEqualTo(Guard.Side.SRC);
        assertThat(prefix.negated()).isFalse();
        assertThat(prefix.addresses()).contains(IntervalSet.of(0xC0A85800L, 0xC0A858FFL));

        Guard.Address range = (Guard.Address) only("dst-address=10.0.0.5-10.0.0.9");
        assertThat(range.side()).isEqualTo(Guard.Side.DST);
        assertThat(range.addresses()).contains(IntervalSet.of(0x0A000005L, 0x0A000009L));

        Guard.Address single = (Guard.Address) only("dst-address=10.0.0.5");
        assertThat(single.addresses()).contains(IntervalSet.point(0x0A000005L));
    }

    @Test
    void negationIsTypedAndTheWrittenTextKept() {
        Guard.Address g = (Guard.Address) only("dst-address=!192.168.88.1");
        assertThat(g.negated()).isTrue();
        assertThat(g.value()).isEqualTo("192.168.88.1");
        assertThat(g.written()).isEqualTo("!192.168.88.1");
        assertThat(g.quoted()).isEqualTo("dst-address=!192.168.88.1");
        assertThat(g.addresses()).contains(IntervalSet.point(0xC0A85801L));
    }

    @Test
    void anUnreadableAddressHasNoSetButKeepsItsText() {
        Guard.Address g = (Guard.Address) only("dst-address=$server");
        assertThat(g.addresses()).isEmpty();
        assertThat(g.written()).isEqualTo("$server");
    }

    @Test
    void addressListsAndTypes() {
        Guard.AddressList list = (Guard.AddressList) only("src-address-list=!trusted");
        assertThat(list.side()).isEqualTo(Guard.Side.SRC);
        assertThat(list.negated()).isTrue();
        assertThat(list.list()).isEqualTo("trusted");

        Guard.AddressType type = (Guard.AddressType) only("dst-address-type=local,broadcast");
        assertThat(type.side()).isEqualTo(Guard.Side.DST);
        assertThat(type.types()).containsExactly("local", "broadcast");
    }

    @Test
    void protocolsByNameAndNumber() {
        assertThat(((Guard.Protocol) only("protocol=tcp")).number()).contains(6);
        assertThat(((Guard.Protocol) only("protocol=17")).number()).contains(17);
        Guard.Protocol not = (Guard.Protocol) only("protocol=!icmp");
        assertThat(not.negated()).isTrue();
        assertThat(not.number()).contains(1);
        assertThat(((Guard.Protocol) only("protocol=bogus")).number()).isEmpty();
        assertThat(Protocols.name(6)).contains("tcp");
        assertThat(Protocols.name(17)).contains("udp");
        assertThat(Protocols.name(255)).isEmpty();
        assertThat(Protocols.name(-1)).isEmpty();
        assertThat(Protocols.number("TCP")).contains(6);
        assertThat(Protocols.number("256")).isEmpty();
    }

    @Test
    void portsOnEachSide() {
        Guard.Ports dst = (Guard.Ports) only("dst-port=80,443,8000-8010");
        assertThat(dst.side()).isEqualTo(Guard.PortSide.DST);
        assertThat(dst.ports()).contains(IntervalSet.of(80, 80).union(IntervalSet.of(443, 443))
                .union(IntervalSet.of(8000, 8010)));
        Guard.Ports src = (Guard.Ports) only("src-port=!1024-65535");
        assertThat(src.side()).isEqualTo(Guard.PortSide.SRC);
        assertThat(src.negated()).isTrue();
        assertThat(src.ports()).contains(IntervalSet.of(1024, 65535));
        assertThat(((Guard.Ports) only("port=53")).side()).isEqualTo(Guard.PortSide.EITHER);
        assertThat(((Guard.Ports) only("dst-port=http")).ports()).isEmpty();
    }

    @Test
    void interfacesAndInterfaceLists() {
        Guard.Interface in = (Guard.Interface) only("in-interface=ether1");
        assertThat(in.direction()).isEqualTo(Guard.Direction.IN);
        assertThat(in.name()).isEqualTo("ether1");
        Guard.InterfaceList out = (Guard.InterfaceList) only("out-interface-list=!LAN");
        assertThat(out.direction()).isEqualTo(Guard.Direction.OUT);
        assertThat(out.negated()).isTrue();
        assertThat(out.list()).isEqualTo("LAN");
    }

    @Test
    void connectionGuards() {
        assertThat(((Guard.ConnectionState) only("connection-state=established,related")).states())
                .containsExactly("established", "related");
        Guard.ConnectionNatState nat = (Guard.ConnectionNatState) only("connection-nat-state=!dstnat");
        assertThat(nat.negated()).isTrue();
        assertThat(nat.states()).containsExactly("dstnat");
        assertThat(((Guard.ConnectionType) only("connection-type=ftp")).type()).isEqualTo("ftp");
        Guard.IpsecPolicy ipsec = (Guard.IpsecPolicy) only("ipsec-policy=in,ipsec");
        assertThat(ipsec.direction()).isEqualTo("in");
        assertThat(ipsec.ipsec()).isTrue();
        assertThat(((Guard.IpsecPolicy) only("ipsec-policy=out,none")).ipsec()).isFalse();
        assertThat(((Guard.TcpFlags) only("tcp-flags=syn,!ack")).flags()).containsExactly("syn", "!ack");
    }

    @Test
    void marksOfEachKind() {
        Guard.Mark c = (Guard.Mark) only("connection-mark=isp2");
        assertThat(c.kind()).isEqualTo(Guard.MarkKind.CONNECTION);
        assertThat(c.mark()).isEqualTo("isp2");
        assertThat(c.unmarked()).isFalse();
        Guard.Mark none = (Guard.Mark) only("packet-mark=!no-mark");
        assertThat(none.kind()).isEqualTo(Guard.MarkKind.PACKET);
        assertThat(none.negated()).isTrue();
        assertThat(none.unmarked()).isTrue();
        assertThat(((Guard.Mark) only("routing-mark=to-isp2")).kind()).isEqualTo(Guard.MarkKind.ROUTING);
    }

    @Test
    void whatIsNotModelledIsUnsupportedWithItsLine() {
        PolicyRule r = rule(Table.FILTER, "\n\n/ip firewall filter add chain=forward action=drop time=8h-17h,mon"
                + " limit=10,5:packet layer7-protocol=games");
        assertThat(r.guards()).allMatch(g -> g instanceof Guard.Unsupported);
        assertThat(r.guards()).extracting(Guard::quoted)
                .containsExactly("time=8h-17h,mon", "limit=10,5:packet", "layer7-protocol=games");
        assertThat(r.guards()).allMatch(g -> ((Guard.Unsupported) g).line() == 3);
    }

    @Test
    void guardsKeepWrittenOrderAndActionArgumentsAreNoGuards() {
        PolicyRule r = rule(Table.NAT, "/ip firewall nat add chain=dstnat action=dst-nat in-interface=ether1"
                + " protocol=tcp dst-port=443 to-addresses=192.168.88.10 to-ports=8443 comment=web");
        assertThat(r.guards()).extracting(Guard::property).containsExactly("in-interface", "protocol", "dst-port");
        assertThat(r.comment()).isEqualTo("web");
        Action.DstNat a = (Action.DstNat) r.action();
        assertThat(a.to().addressesWritten()).contains("192.168.88.10");
        assertThat(a.to().addresses()).contains(IntervalSet.point(0xC0A8580AL));
        assertThat(a.to().portsWritten()).contains("8443");
        assertThat(a.to().ports()).contains(IntervalSet.point(8443));
        assertThat(r.natTarget()).contains(a.to());
    }

    @Test
    void natActionsWithTheirTargets() {
        assertThat(rule(Table.NAT, "/ip firewall nat add chain=srcnat action=masquerade").action())
                .isInstanceOf(Action.Masquerade.class);
        Action.SrcNat s = (Action.SrcNat) rule(Table.NAT,
                "/ip firewall nat add chain=srcnat action=src-nat to-addresses=203.0.113.5").action();
        assertThat(s.to().addresses()).contains(IntervalSet.point(0xCB007105L));
        Action.DstNat unreadable = (Action.DstNat) rule(Table.NAT,
                "/ip firewall nat add chain=dstnat action=dst-nat to-addresses=$srv to-ports=9000-9010").action();
        assertThat(unreadable.to().addresses()).isEmpty();
        assertThat(unreadable.to().addressesWritten()).contains("$srv");
        assertThat(unreadable.to().ports()).contains(IntervalSet.of(9000, 9010));
        assertThat(rule(Table.NAT, "/ip firewall nat add chain=dstnat action=redirect to-ports=53").action())
                .isInstanceOf(Action.Redirect.class);
        assertThat(rule(Table.NAT, "/ip firewall nat add chain=srcnat action=netmap to-addresses=1.2.3.0/24")
                .action()).isInstanceOf(Action.Netmap.class);
        assertThat(rule(Table.FILTER, "/ip firewall filter add chain=forward action=accept").natTarget()).isEmpty();
    }

    @Test
    void jumpsMarksAndAddressListActions() {
        Action.Jump j = (Action.Jump) rule(Table.FILTER,
                "/ip firewall filter add chain=forward action=jump jump-target=wan-in").action();
        assertThat(j.target()).contains("wan-in");
        assertThat(((Action.Jump) rule(Table.FILTER, "/ip firewall filter add chain=forward action=jump").action())
                .target()).isEmpty();
        Action.SetMark m = (Action.SetMark) rule(Table.MANGLE, "/ip firewall mangle add chain=prerouting"
                + " action=mark-connection new-connection-mark=isp2 passthrough=no").action();
        assertThat(m.kind()).isEqualTo(Guard.MarkKind.CONNECTION);
        assertThat(m.mark()).contains("isp2");
        assertThat(m.passthrough()).isFalse();
        Action.SetMark routing = (Action.SetMark) rule(Table.MANGLE, "/ip firewall mangle add chain=prerouting"
                + " action=mark-routing new-routing-mark=to-isp2").action();
        assertThat(routing.kind()).isEqualTo(Guard.MarkKind.ROUTING);
        assertThat(routing.passthrough()).isTrue();
        Action.AddToAddressList add = (Action.AddToAddressList) rule(Table.FILTER, "/ip firewall filter add"
                + " chain=input action=add-src-to-address-list address-list=scanners").action();
        assertThat(add.side()).isEqualTo(Guard.Side.SRC);
        assertThat(add.list()).contains("scanners");
        assertThat(rule(Table.FILTER, "/ip firewall filter add chain=forward action=frobnicate").action())
                .isEqualTo(new Action.Other("frobnicate"));
    }

    /**
     * The walk of a chain, written out from RouterOS's documented behaviour (not from the code): these
     * actions let the packet go on, jump and return move between chains, everything else decides.
     */
    @Test
    void theOneDefinitionOfWhatEndsAChain() {
        for (String goesOn : List.of("passthrough", "log", "add-src-to-address-list", "add-dst-to-address-list",
                "fasttrack-connection", "mark-connection", "mark-packet", "mark-routing", "change-dscp", "change-mss",
                "change-ttl", "set-priority", "sniff-tzsp", "sniff-pc", "strip-ipv4-options")) {
            Action a = rule(Table.MANGLE, "/ip firewall mangle add chain=prerouting action=" + goesOn).action();
            assertThat(a.effect()).as(goesOn).isEqualTo(Action.Effect.NEXT_RULE);
            assertThat(a.nonTerminal()).as(goesOn).isTrue();
            assertThat(a.endsChain()).as(goesOn).isFalse();
            assertThat(a.drops()).as(goesOn).isFalse();
        }
        Action jump = rule(Table.FILTER, "/ip firewall filter add chain=forward action=jump jump-target=x").action();
        assertThat(jump.effect()).isEqualTo(Action.Effect.JUMP);
        assertThat(jump.endsChain()).isFalse();
        Action ret = rule(Table.FILTER, "/ip firewall filter add chain=x action=return").action();
        assertThat(ret.effect()).isEqualTo(Action.Effect.RETURN);
        assertThat(ret.endsChain()).isTrue();
        assertThat(ret.drops()).isFalse();
        for (String decides : List.of("accept", "drop", "reject", "tarpit", "dst-nat", "src-nat", "masquerade",
                "netmap", "redirect", "same", "frobnicate")) {
            Action a = rule(Table.FILTER, "/ip firewall filter add chain=forward action=" + decides).action();
            assertThat(a.effect()).as(decides).isEqualTo(Action.Effect.DECIDE);
            assertThat(a.endsChain()).as(decides).isTrue();
            assertThat(a.drops()).as(decides).isEqualTo(List.of("drop", "reject", "tarpit").contains(decides));
        }
    }

    @Test
    void policyGroupsEnabledRulesByChainAndFindsEachRuleBySource() {
        RouterConfig c = ConfigBuilder.build(RouterOsReader.read("p.rsc", """
                /ip firewall filter
                add chain=forward action=accept connection-state=established
                add chain=wan-in action=drop
                add chain=forward action=drop disabled=yes
                add chain=forward action=jump jump-target=wan-in
                """));
        Policy p = Policy.of(c);
        assertThat(p.rules(Table.FILTER)).hasSize(4);
        assertThat(p.enabled(Table.FILTER, "forward")).extracting(PolicyRule::line).containsExactly(2, 5);
        assertThat(p.enabled(Table.FILTER, "wan-in")).extracting(PolicyRule::line).containsExactly(3);
        assertThat(p.enabled(Table.FILTER, "nothing")).isEmpty();
        assertThat(p.rules(Table.FILTER).get(2).disabled()).isTrue();
        for (int i = 0; i < 4; i++) {
            assertThat(p.of(c.rules(Table.FILTER).get(i))).isSameAs(p.rules(Table.FILTER).get(i));
            assertThat(p.rules(Table.FILTER).get(i).source()).isSameAs(c.rules(Table.FILTER).get(i));
        }
        assertThat(p.rules(Table.FILTER).get(0).guard(Guard.ConnectionState.class)).map(Guard::written)
                .isEqualTo(Optional.of("established"));
    }

    @Test
    void aVariantOfTheConfigReusesTheTablesItLeavesAlone() {
        String script = """
                /ip firewall filter add chain=forward action=drop connection-state=invalid
                /ip firewall nat add chain=srcnat action=masquerade out-interface=ether1
                """;
        var parsed = RouterOsReader.read("p.rsc", script);
        RouterConfig base = ConfigBuilder.build(parsed);
        Policy first = Policy.of(base);
        RouterConfig variant = ConfigBuilder.extendFirewall(base, parsed, RouterOsReader.read("fix.rsc",
                "/ip firewall nat add chain=dstnat action=dst-nat dst-port=80 protocol=tcp to-addresses=10.0.0.2\n"))
                .orElseThrow();
        Policy second = Policy.of(variant, first);
        assertThat(second.rules(Table.FILTER).get(0)).isSameAs(first.rules(Table.FILTER).get(0));
        assertThat(second.of(variant.rules(Table.FILTER).get(0))).isSameAs(first.rules(Table.FILTER).get(0));
        assertThat(second.rules(Table.NAT)).hasSize(2);
        assertThat(second.rules(Table.NAT).get(1).action()).isInstanceOf(Action.DstNat.class);
        assertThat(second.of(variant.rules(Table.NAT).get(0)).source()).isSameAs(variant.rules(Table.NAT).get(0));
    }
}
