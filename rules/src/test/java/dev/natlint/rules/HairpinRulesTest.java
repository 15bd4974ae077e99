package dev.natlint.rules;

import static dev.natlint.rules.RuleTests.context;
import static dev.natlint.rules.RuleTests.flow;
import static dev.natlint.rules.RuleTests.forward;
import static dev.natlint.rules.RuleTests.internet;
import static dev.natlint.rules.RuleTests.lanSource;
import static dev.natlint.rules.RuleTests.rule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.natlint.diag.Finding;
import dev.natlint.diag.Severity;
import dev.natlint.flow.Forward;
import dev.natlint.flow.Source;
import dev.natlint.flow.Verdict;
import dev.natlint.graph.RouteResult;
import dev.natlint.model.RouterConfig;
import dev.natlint.model.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

/** hairpin-missing-masquerade and hairpin-via-lan-router on reply-bypasses-router verdicts written by hand. */
class HairpinRulesTest {

    private static final String SCRIPT = """
            /interface bridge add name=bridge
            /ip address add address=192.168.88.1/24 interface=bridge
            /ip address add address=203.0.113.2/24 interface=ether1
            /ip firewall nat add action=masquerade chain=srcnat out-interface=ether1
            /ip firewall nat add action=dst-nat chain=dstnat dst-address=203.0.113.2 dst-port=80 protocol=tcp to-addresses=192.168.88.10
            """;

    /** The same router whose forward sends to 10.0.0.10, behind a second router on the LAN. */
    private static final String BEHIND_ROUTER = SCRIPT.replace("to-addresses=192.168.88.10", "to-addresses=10.0.0.10");

    private static final Source LAN = lanSource("bridge", "192.168.88.0/24");

    /** The forward at line 5 with one LAN flow and one internet flow of the given verdicts. */
    private static HandAnalysis analysis(RouterConfig c, String target, Verdict lan, Verdict wan) {
        HandAnalysis a = new HandAnalysis(c, "bridge", "ether1").lan("bridge", "192.168.88.1/24").wan("ether1", "203.0.113.2/24");
        Forward fw = forward(rule(c, Table.NAT, 5), "203.0.113.2", 80, target, 0);
        return a.source(LAN).source(internet("ether1")).forward(fw, flow(a, fw, LAN, "192.168.88.20", lan),
                flow(a, fw, internet("ether1"), "8.8.8.8", wan));
    }

    @Test
    void aLanClientOnTheServersSubnetGetsTheSpecificHairpinMasquerade() {
        List<Finding> out = new HairpinMissingMasqueradeRule().check(context(SCRIPT,
                c -> analysis(c, "192.168.88.10", Verdict.REPLY_BYPASSES_ROUTER, Verdict.OK)));
        assertThat(out).hasSize(1);
        Finding f = out.get(0);
        assertThat(f.ruleId()).isEqualTo("hairpin-missing-masquerade");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.location().line()).isEqualTo(5);
        assertThat(f.message()).startsWith("LAN client 192.168.88.20 -> 203.0.113.2:80/tcp: the server answers 192.168.88.20"
                + " directly from 192.168.88.10 and the client drops it (no hairpin masquerade for 192.168.88.0/24).");
        assertThat(f.fix().description())
                .isEqualTo("masquerade LAN clients of 192.168.88.0/24 that reach 192.168.88.10 through the public address");
        assertThat(f.fix().snippet()).isEqualTo("/ip firewall nat add action=masquerade chain=srcnat src-address=192.168.88.0/24"
                + " dst-address=192.168.88.10 protocol=tcp dst-port=80 out-interface=bridge"
                + " comment=\"natlint: hairpin NAT for 192.168.88.0/24 to 192.168.88.10:80/tcp\"");
        assertThat(new HairpinViaLanRouterRule().check(context(SCRIPT,
                c -> analysis(c, "192.168.88.10", Verdict.REPLY_BYPASSES_ROUTER, Verdict.OK)))).isEmpty();
    }

    @Test
    void workingFlowsAndInternetClientsGiveNoHairpinFinding() {
        assertThat(new HairpinMissingMasqueradeRule().check(context(SCRIPT,
                c -> analysis(c, "192.168.88.10", Verdict.OK, Verdict.OK)))).isEmpty();
        // a reply that bypasses the router is a LAN client's problem only
        assertThat(new HairpinMissingMasqueradeRule().check(context(SCRIPT,
                c -> analysis(c, "192.168.88.10", Verdict.OK, Verdict.REPLY_BYPASSES_ROUTER)))).isEmpty();
    }

    @Test
    void aDisabledHairpinRuleIsEnabledWhenTheCheckedFixRepairsTheFlow() {
        String script = SCRIPT + "/ip firewall nat add action=masquerade chain=srcnat src-address=192.168.88.0/24"
                + " dst-address=192.168.88.10 out-interface=bridge disabled=yes comment=hairpin\n";
        List<Finding> out = new HairpinMissingMasqueradeRule().check(context(script,
                c -> analysis(c, "192.168.88.10", Verdict.REPLY_BYPASSES_ROUTER, Verdict.OK),
                c -> analysis(c, "192.168.88.10", Verdict.OK, Verdict.OK)));
        assertThat(out).singleElement().satisfies(f -> {
            assertThat(f.location().line()).isEqualTo(5);
            assertThat(f.message()).endsWith("and the client drops it: the hairpin rule at line 6 is disabled.");
            assertThat(f.fix().description()).isEqualTo("enable the hairpin rule at line 6");
            assertThat(f.fix().snippet()).isEqualTo("/ip firewall nat enable [find where comment=hairpin]");
        });
    }

    @Test
    void aRepairTheCheckDoesNotConfirmIsNotOffered() {
        String script = SCRIPT + "/ip firewall nat add action=masquerade chain=srcnat src-address=192.168.88.0/24"
                + " dst-address=192.168.88.10 out-interface=bridge disabled=yes comment=hairpin\n";
        // with the rule enabled the flow still bypasses the router: a new specific rule is offered instead
        List<Finding> out = new HairpinMissingMasqueradeRule().check(context(script,
                c -> analysis(c, "192.168.88.10", Verdict.REPLY_BYPASSES_ROUTER, Verdict.OK),
                c -> analysis(c, "192.168.88.10", Verdict.REPLY_BYPASSES_ROUTER, Verdict.OK)));
        assertThat(out).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("(no hairpin masquerade for 192.168.88.0/24)");
            assertThat(f.fix().snippet()).startsWith("/ip firewall nat add action=masquerade chain=srcnat");
        });
    }

    @Test
    void aServerBehindALanRouterIsHairpinViaLanRoutersFinding() {
        // 10.0.0.10 is on no connected subnet; a static route reaches it through 192.168.88.2 on the bridge
        java.util.function.Function<RouterConfig, HandAnalysis> behindRouter = c -> analysis(c, "10.0.0.10",
                Verdict.REPLY_BYPASSES_ROUTER, Verdict.OK)
                .route("10.0.0.10", new RouteResult("bridge", RouteResult.Via.STATIC, "static route", RuleTests.ip("192.168.88.2")));
        assertThat(new HairpinMissingMasqueradeRule().check(context(BEHIND_ROUTER, behindRouter))).isEmpty();
        List<Finding> out = new HairpinViaLanRouterRule().check(context(BEHIND_ROUTER, behindRouter));
        assertThat(out).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("hairpin-via-lan-router");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.location().line()).isEqualTo(5);
            assertThat(f.message()).isEqualTo("LAN client 192.168.88.20 -> 203.0.113.2:80/tcp: the server 10.0.0.10 answers"
                    + " through its gateway 192.168.88.2, a LAN router on 192.168.88.0/24, which delivers the reply straight"
                    + " to 192.168.88.20; the client expected it from the public address and drops it (no hairpin"
                    + " masquerade for 192.168.88.0/24).");
            assertThat(f.fix().snippet()).isEqualTo("/ip firewall nat add action=masquerade chain=srcnat"
                    + " src-address=192.168.88.0/24 dst-address=10.0.0.10 protocol=tcp dst-port=80 out-interface=bridge"
                    + " comment=\"natlint: hairpin NAT for 192.168.88.0/24 to 10.0.0.10:80/tcp\"");
        });
    }

    @Test
    void aLanRoutersServerWithoutARouteGetsNoFinding() {
        assertThat(new HairpinViaLanRouterRule().check(context(BEHIND_ROUTER,
                c -> analysis(c, "10.0.0.10", Verdict.REPLY_BYPASSES_ROUTER, Verdict.OK)))).isEmpty();
    }
}
