package dev.natlint.testconfigs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.natlint.NatLint;
import dev.natlint.diag.Finding;
import dev.natlint.report.FileReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How fixes select the rules they change (issue 15): by a unique comment, else by properties, else not at all. */
class SelectorTest {

    private static final NatLint LINT = NatLint.builder().build();
    private static final String ROUTER = "/interface bridge add name=bridge\n/interface list add name=WAN\n"
            + "/interface list member add interface=ether1 list=WAN\n/ip address add address=192.168.88.1/24 interface=bridge\n"
            + "/ip address add address=203.0.113.2/24 interface=ether1\n/ip route add gateway=203.0.113.1\n";

    private static List<Finding> masqueradeFindings(String nat) {
        FileReport r = LINT.checkText("s.rsc", ROUTER + nat);
        return r.findings().stream().filter(f -> f.ruleId().equals("masquerade-unrestricted")).toList();
    }

    @Test
    void aUniqueCommentSelectsTheRule() {
        List<Finding> f = masqueradeFindings("/ip firewall nat add chain=srcnat action=masquerade comment=\"all out\"\n");
        assertThat(f).singleElement().satisfies(x -> assertThat(x.fix().snippet())
                .isEqualTo("/ip firewall nat set [find where comment=\"all out\"] out-interface-list=WAN"));
    }

    @Test
    void withoutACommentChainActionAndADistinguishingMatcherSelectIt() {
        // both masquerades have chain=srcnat action=masquerade; only the first is unrestricted (the second has
        // dst-address), and its protocol is what tells it apart
        List<Finding> f = masqueradeFindings("/ip firewall nat add chain=srcnat action=masquerade protocol=udp\n"
                + "/ip firewall nat add chain=srcnat action=masquerade protocol=tcp dst-address=10.0.0.0/8\n");
        assertThat(f).singleElement().satisfies(x -> assertThat(x.fix().snippet())
                .isEqualTo("/ip firewall nat set [find where chain=srcnat and action=masquerade and protocol=udp]"
                        + " out-interface-list=WAN"));
    }

    @Test
    void identicalRulesCannotBeSelectedAndTheSnippetSaysSo() {
        List<Finding> f = masqueradeFindings("/ip firewall nat add chain=srcnat action=masquerade\n"
                + "/ip firewall nat add chain=srcnat action=masquerade\n");
        assertThat(f).hasSize(2).allSatisfy(x -> {
            String[] lines = x.fix().snippet().split("\n");
            assertThat(lines).allMatch(l -> l.startsWith("#"));
            assertThat(x.fix().snippet()).contains("no [find where ...] selects the rule at line " + x.location().line())
                    .contains("/ip firewall nat set <this rule> out-interface-list=WAN")
                    .contains("the rule: /ip firewall nat add action=masquerade chain=srcnat");
        });
    }
}
