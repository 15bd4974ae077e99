package dev.natlint.rules;

import static dev.natlint.rules.RuleTests.context;
import static org.assertj.core.api.Assertions.assertThat;

import dev.natlint.diag.Finding;
import dev.natlint.diag.Severity;
import dev.natlint.model.RouterConfig;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Rules about the configuration itself (masquerade-unrestricted, undefined-reference, syntax). */
class ConfigRulesTest {

    private static final String ROUTER = """
            /interface bridge add name=bridge
            /ip address add address=192.168.88.1/24 interface=bridge
            /ip address add address=203.0.113.2/24 interface=ether1
            """;

    /** No forward: these rules ask the analysis only for WAN names and, checking a fix, for flows. */
    private static Function<RouterConfig, HandAnalysis> wans(String... wans) {
        return c -> {
            HandAnalysis a = new HandAnalysis(c, "bridge", "ether1", "ether2").lan("bridge", "192.168.88.1/24");
            for (String w : wans) {
                a.wan(w, null);
            }
            return a;
        };
    }

    @Test
    void aMasqueradeOfEverythingIsLimitedToTheOneWan() {
        List<Finding> out = new MasqueradeUnrestrictedRule().check(context(ROUTER
                + "/ip firewall nat add action=masquerade chain=srcnat\n", wans("ether1"), wans("ether1")));
        assertThat(out).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("masquerade-unrestricted");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.location().line()).isEqualTo(4);
            assertThat(f.message()).isEqualTo("this masquerade rewrites every routed connection, LAN-to-LAN ones included;"
                    + " limit it to traffic leaving through the WAN.");
            assertThat(f.fix().description()).isEqualTo("restrict the rule to traffic leaving through the WAN");
            assertThat(f.fix().snippet())
                    .isEqualTo("/ip firewall nat set [find where chain=srcnat and action=masquerade] out-interface=ether1");
        });
    }

    @Test
    void withTwoWansAndNoWanListNoRestrictionIsGuessed() {
        List<Finding> out = new MasqueradeUnrestrictedRule().check(context(ROUTER
                + "/ip firewall nat add action=masquerade chain=srcnat\n", wans("ether1", "ether2")));
        assertThat(out).singleElement().satisfies(f -> assertThat(f.fix()).isNull());
        assertThat(new MasqueradeUnrestrictedRule().check(context(ROUTER
                + "/ip firewall nat add action=masquerade chain=srcnat out-interface=ether1\n", wans("ether1")))).isEmpty();
    }

    @Test
    void aMistypedInterfaceListIsCorrectedToTheDefinedOne() {
        String script = ROUTER + """
                /interface list add name=WAN
                /interface list member add interface=ether1 list=WAN
                /ip firewall nat add action=masquerade chain=srcnat out-interface-list=WAM
                """;
        List<Finding> out = new UndefinedReferenceRule().check(context(script, wans("ether1"), wans("ether1")));
        assertThat(out).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("undefined-reference");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.location().line()).isEqualTo(6);
            assertThat(f.message()).isEqualTo("interface list WAM (out-interface-list=WAM) is not defined, so this rule never"
                    + " matches.");
            assertThat(f.fix().description()).isEqualTo("use the defined interface list WAN");
            assertThat(f.fix().snippet())
                    .isEqualTo("/ip firewall nat set [find where chain=srcnat and action=masquerade] out-interface-list=WAN");
        });
    }

    @Test
    void aLineRouterOsCannotReadIsASyntaxFindingAtThatLine() {
        List<Finding> out = new SyntaxRule().check(context(ROUTER + "/ip firewall nat add chain=srcnat comment=\"open\n",
                wans("ether1")));
        assertThat(out).isNotEmpty().allSatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("syntax");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.location().line()).isEqualTo(4);
        });
        assertThat(new SyntaxRule().check(context(ROUTER, wans("ether1")))).isEmpty();
    }
}
