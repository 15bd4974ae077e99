package dev.natlint.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.natlint.model.ConfigBuilder;
import dev.natlint.model.RouterConfig;
import dev.natlint.parse.RouterOsReader;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The mark part of the RouterOS → iptables mapping, line by line (no namespaces needed). */
class IptablesTranslatorTest {

    private static final String BASE = """
            /ip address add address=192.168.88.1/24 interface=bridge
            /ip address add address=203.0.113.2/24 interface=ether1
            """;

    private static String translate(String rules) throws IptablesTranslator.NotEmulated {
        RouterConfig config = ConfigBuilder.build(RouterOsReader.read("t.rsc", BASE + rules));
        return new IptablesTranslator(config, Set.of("bridge", "ether1")).ruleset();
    }

    @Test
    void connectionMarksAreTheConntrackMarkAndNoMarkIsZero() throws Exception {
        String out = translate("""
                /ip firewall mangle add chain=prerouting action=mark-connection new-connection-mark=a in-interface=ether1
                /ip firewall mangle add chain=forward action=mark-connection new-connection-mark=no-mark connection-mark=!a
                /ip firewall filter add chain=forward action=drop connection-mark=no-mark
                """);
        assertThat(out).contains("-A PREROUTING -i ether1 -j CONNMARK --set-mark 256\n")
                .contains("-A FORWARD -m connmark ! --mark 256 -j CONNMARK --set-mark 0\n")
                .contains("-A FORWARD -m connmark --mark 0 -j DROP\n");
    }

    @Test
    void packetAndRoutingMarksShareTheNfmarkInDisjointBits() throws Exception {
        String out = translate("""
                /ip firewall mangle add chain=postrouting action=mark-packet new-packet-mark=p out-interface=bridge
                /ip firewall mangle add chain=prerouting action=mark-routing new-routing-mark=t
                /ip firewall filter add chain=forward action=drop packet-mark=!p routing-mark=t
                """);
        assertThat(out).contains("-A POSTROUTING -o bridge -j MARK --set-xmark 0x100/0xff00\n")
                .contains("-A PREROUTING -j MARK --set-xmark 0x64/0xff\n")
                .contains("-A FORWARD -m mark ! --mark 0x100/0xff00 -m mark --mark 0x64/0xff -j DROP\n");
    }

    @Test
    void passthroughNoSetsTheMarkAndLeavesTheMangleTable() throws Exception {
        String out = translate("""
                /ip firewall mangle add chain=prerouting action=jump jump-target=marks
                /ip firewall mangle add chain=marks action=mark-packet new-packet-mark=p passthrough=no protocol=tcp
                /ip firewall mangle add chain=marks action=return
                """);
        assertThat(out).contains("-A PREROUTING -j C5_marks\n").contains("-A C5_marks -p tcp -j M4_6\n")
                .contains("-A M4_6 -j MARK --set-xmark 0x100/0xff00\n-A M4_6 -j ACCEPT\n")
                .contains("-A C5_marks -j RETURN\n").contains(":M4_6 - [0:0]\n");
    }

    @Test
    void anAddressListBesideAnAddressIsAnIprange() throws Exception {
        String out = translate("""
                /ip firewall address-list add list=l address=10.0.0.0/25
                /ip firewall mangle add chain=prerouting action=mark-packet new-packet-mark=p src-address=10.0.0.0/24 src-address-list=l
                """);
        assertThat(out).contains("-A PREROUTING -s 10.0.0.0/24 -m iprange --src-range 10.0.0.0-10.0.0.127 -j MARK");
    }

    @Test
    void whatNetfilterRefusesInAHookIsNotEmulated() {
        assertThatThrownBy(() -> translate("/ip firewall mangle add chain=postrouting action=mark-packet"
                + " new-packet-mark=p in-interface=bridge\n")).isInstanceOf(IptablesTranslator.NotEmulated.class);
        assertThatThrownBy(() -> translate("/ip firewall mangle add chain=prerouting action=mark-routing"
                + " new-routing-mark=main\n")).isInstanceOf(IptablesTranslator.NotEmulated.class);
    }
}
