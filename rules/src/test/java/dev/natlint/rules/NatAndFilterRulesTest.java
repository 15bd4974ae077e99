package dev.natlint.rules;

import static dev.natlint.rules.RuleTests.context;
import static dev.natlint.rules.RuleTests.flow;
import static dev.natlint.rules.RuleTests.forward;
import static dev.natlint.rules.RuleTests.internet;
import static dev.natlint.rules.RuleTests.lanSource;
import static dev.natlint.rules.RuleTests.rule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.natlint.diag.Assumption;
import dev.natlint.diag.Finding;
import dev.natlint.diag.Related;
import dev.natlint.diag.Severity;
import dev.natlint.flow.Forward;
import dev.natlint.flow.Source;
import dev.natlint.flow.Verdict;
import dev.natlint.flow.packet.Field;
import dev.natlint.flow.packet.PacketSet;
import dev.natlint.model.RouterConfig;
import dev.natlint.model.Table;
import dev.natlint.net.IntervalSet;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** hairpin-filtered, hairpin-masquerade-shadowed, nat-rule-unreachable and not-analysed on hand-written verdicts. */
class NatAndFilterRulesTest {

    private static final String ROUTER = """
            /interface bridge add name=bridge
            /ip address add address=192.168.88.1/24 interface=bridge
            /ip address add address=203.0.113.2/24 interface=ether1
            """;

    private static final Source LAN = lanSource("bridge", "192.168.88.0/24");

    // ---- hairpin-filtered -------------------------------------------------------------------------

    private static final String FILTERED = ROUTER + """
            /ip firewall nat add action=masquerade chain=srcnat out-interface=ether1
            /ip firewall nat add action=dst-nat chain=dstnat dst-address=203.0.113.2 dst-port=80 protocol=tcp to-addresses=192.168.89.10
            /ip firewall filter add action=drop chain=forward in-interface=bridge out-interface=bridge2 comment="no LAN to servers"
            """;

    /** The server on its own subnet (bridge2); the LAN client's flow gets {@code verdict} from the drop at line 6. */
    private static Function<RouterConfig, HandAnalysis> filtered(Verdict verdict, boolean reply) {
        return c -> {
            HandAnalysis a = new HandAnalysis(c, "bridge", "bridge2", "ether1").lan("bridge", "192.168.88.1/24")
                    .lan("bridge2", "192.168.89.1/24").wan("ether1", "203.0.113.2/24").source(LAN);
            Forward fw = forward(rule(c, Table.NAT, 5), "203.0.113.2", 80, "192.168.89.10", 0);
            return a.forward(fw, flow(a, fw, LAN, "192.168.88.20", verdict,
                    verdict == Verdict.FILTERED ? rule(c, Table.FILTER, 6) : null, null, reply));
        };
    }

    @Test
    void aForwardDropGetsTheDstnatAcceptPlacedAboveIt() {
        List<Finding> out = new HairpinFilteredRule().check(context(FILTERED, filtered(Verdict.FILTERED, false),
                filtered(Verdict.OK, false)));
        assertThat(out).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("hairpin-filtered");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.location().line()).isEqualTo(5);
            assertThat(f.message()).isEqualTo("LAN client 192.168.88.20 -> 203.0.113.2:80/tcp: the filter rule at line 6"
                    + " (chain=forward action=drop) drops the connection to 192.168.89.10:80 after dst-nat.");
            assertThat(f.fix().description())
                    .isEqualTo("accept port-forwarded connections, both directions, before the drop rule at line 6");
            assertThat(f.fix().snippet()).isEqualTo("/ip firewall filter add action=accept chain=forward"
                    + " connection-nat-state=dstnat place-before=[find where comment=\"no LAN to servers\"]"
                    + " comment=\"natlint: let port-forwarded connections through before the forward drop at line 6\"");
            assertThat(f.related()).extracting(r -> r.location().line()).containsExactly(6);
        });
    }

    @Test
    void aDroppedReplyIsNamedAsTheReply() {
        List<Finding> out = new HairpinFilteredRule().check(context(FILTERED, filtered(Verdict.FILTERED, true),
                filtered(Verdict.OK, false)));
        assertThat(out).singleElement().satisfies(f -> assertThat(f.message()).isEqualTo("LAN client 192.168.88.20 ->"
                + " 203.0.113.2:80/tcp: the filter rule at line 6 (chain=forward action=drop) drops the server's reply"
                + " from 192.168.89.10:80."));
    }

    @Test
    void aSecondDropFoundWithTheFirstDisabledIsNamedToo() {
        String script = FILTERED + "/ip firewall filter add action=drop chain=forward comment=\"drop the rest\"\n";
        // the fix check disables line 6: the flow is then dropped by line 7
        Function<RouterConfig, HandAnalysis> without = c -> {
            HandAnalysis a = filtered(Verdict.OK, false).apply(c);
            Forward fw = forward(rule(c, Table.NAT, 5), "203.0.113.2", 80, "192.168.89.10", 0);
            HandAnalysis b = new HandAnalysis(c, "bridge", "bridge2", "ether1").lan("bridge", "192.168.88.1/24")
                    .lan("bridge2", "192.168.89.1/24").wan("ether1", "203.0.113.2/24").source(LAN);
            boolean lineSixOff = c.rules(Table.FILTER).stream().anyMatch(r -> r.location().line() == 6 && r.disabled());
            boolean lineSevenOff = c.rules(Table.FILTER).stream().anyMatch(r -> r.location().line() == 7 && r.disabled());
            return lineSixOff && !lineSevenOff ? b.forward(fw, flow(b, fw, LAN, "192.168.88.20", Verdict.FILTERED,
                    rule(c, Table.FILTER, 7), null, false)) : a;
        };
        List<Finding> out = new HairpinFilteredRule().check(context(script, filtered(Verdict.FILTERED, false), without));
        assertThat(out).singleElement().satisfies(f -> assertThat(f.message()).endsWith(" after dst-nat; without it,"
                + " line 7 (chain=forward action=drop) would drop it too."));
    }

    // ---- hairpin-masquerade-shadowed and nat-rule-unreachable --------------------------------------

    private static final String SHADOWED = ROUTER + """
            /ip firewall nat add action=accept chain=srcnat src-address=192.168.88.0/24 comment="no nat for lan"
            /ip firewall nat add action=masquerade chain=srcnat src-address=192.168.88.0/24 dst-address=192.168.88.10 out-interface=bridge comment=hairpin
            /ip firewall nat add action=dst-nat chain=dstnat dst-address=203.0.113.2 dst-port=80 protocol=tcp to-addresses=192.168.88.10
            """;

    /** The LAN flow's verdict, and the NAT rules' matches: line 4 takes every LAN packet, line 5 a part of them. */
    private static Function<RouterConfig, HandAnalysis> shadowed(Verdict verdict, boolean assumedAccept) {
        return c -> {
            HandAnalysis a = new HandAnalysis(c, "bridge", "ether1").lan("bridge", "192.168.88.1/24")
                    .wan("ether1", "203.0.113.2/24").source(LAN);
            Forward fw = forward(rule(c, Table.NAT, 6), "203.0.113.2", 80, "192.168.88.10", 0);
            a.forward(fw, flow(a, fw, LAN, "192.168.88.20", verdict, verdict == Verdict.MASQUERADE_SHADOWED
                    ? rule(c, Table.NAT, 4) : null, verdict == Verdict.MASQUERADE_SHADOWED ? rule(c, Table.NAT, 5) : null, false));
            PacketSet lan = PacketSet.of(a.anyPacket().with(Field.SRC_ADDRESS, LAN.addresses()));
            PacketSet toServer = PacketSet.of(a.anyPacket().with(Field.SRC_ADDRESS, LAN.addresses())
                    .with(Field.DST_ADDRESS, IntervalSet.point(RuleTests.ip("192.168.88.10"))));
            if (assumedAccept) {
                a.matchesAssuming(rule(c, Table.NAT, 4), lan, "time=8h-17h is not analysed; assumed to match");
            } else {
                a.matches(rule(c, Table.NAT, 4), lan);
            }
            return a.matches(rule(c, Table.NAT, 5), toServer)
                    .matches(fw.rule(), a.tcp("bridge", "0.0.0.0/0", "203.0.113.2", 80));
        };
    }

    @Test
    void aHairpinMasqueradeBelowAnAcceptIsMovedAboveIt() {
        List<Finding> out = new HairpinMasqueradeShadowedRule().check(context(SHADOWED,
                shadowed(Verdict.MASQUERADE_SHADOWED, false), shadowed(Verdict.OK, false)));
        assertThat(out).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("hairpin-masquerade-shadowed");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.location().line()).isEqualTo(5);
            assertThat(f.message()).isEqualTo("LAN client 192.168.88.20 -> 203.0.113.2:80/tcp: srcnat rule at line 4"
                    + " (chain=srcnat action=accept) takes the connection before this hairpin masquerade, so the server"
                    + " answers the client directly and the client drops the reply. No packet reaches this rule at all"
                    + " (what nat-rule-unreachable reports; the same cause and fix, reported once, here).");
            assertThat(f.fix().description()).isEqualTo("move the hairpin masquerade at line 5 above line 4");
            assertThat(f.fix().snippet())
                    .isEqualTo("/ip firewall nat move [find where comment=hairpin] destination=[find where comment=\"no nat for lan\"]");
            assertThat(f.related()).extracting(r -> r.location().line()).containsExactly(4, 6);
        });
        // one root cause, one finding
        assertThat(new NatRuleUnreachableRule().check(context(SHADOWED, shadowed(Verdict.MASQUERADE_SHADOWED, false),
                shadowed(Verdict.OK, false)))).isEmpty();
    }

    @Test
    void aNatRuleEveryPacketOfWhichAnEarlierRuleTakesIsUnreachable() {
        List<Finding> out = new NatRuleUnreachableRule().check(context(SHADOWED, shadowed(Verdict.OK, false),
                shadowed(Verdict.OK, false)));
        assertThat(out).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("nat-rule-unreachable");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.location().line()).isEqualTo(5);
            assertThat(f.message()).isEqualTo("no packet reaches this rule: everything it matches is taken first by line 4"
                    + " (chain=srcnat action=accept).");
            assertThat(f.fix().description()).isEqualTo("move it above line 4 (or remove it if it is obsolete)");
            assertThat(f.fix().snippet())
                    .isEqualTo("/ip firewall nat move [find where comment=hairpin] destination=[find where comment=\"no nat for lan\"]");
            assertThat(f.related()).extracting(Related::message).containsExactly("this earlier rule takes its packets");
        });
    }

    @Test
    void anEarlierRuleWhoseMatchRestsOnAnAssumptionMakesNothingUnreachable() {
        assertThat(new NatRuleUnreachableRule().check(context(SHADOWED, shadowed(Verdict.OK, true)))).isEmpty();
    }

    // ---- not-analysed -----------------------------------------------------------------------------

    private static final String FORWARDS = ROUTER + """
            /ip firewall nat add action=masquerade chain=srcnat out-interface=ether1
            /ip firewall nat add action=dst-nat chain=dstnat dst-address=203.0.113.2 dst-port=80 protocol=tcp to-addresses=192.168.88.10
            /ip firewall nat add action=dst-nat chain=dstnat dst-address=203.0.113.2 dst-port=81 protocol=tcp to-addresses=$server
            /ip firewall filter add action=drop chain=forward time=8h-17h,mon,tue,wed,thu,fri
            """;

    private static Function<RouterConfig, HandAnalysis> assumed(Assumption lan, Assumption wan) {
        return c -> {
            HandAnalysis a = new HandAnalysis(c, "bridge", "ether1").lan("bridge", "192.168.88.1/24")
                    .wan("ether1", "203.0.113.2/24").source(LAN).source(internet("ether1"));
            // only line 5 is a forward natlint reads; line 6's target is a variable
            Forward fw = forward(rule(c, Table.NAT, 5), "203.0.113.2", 80, "192.168.88.10", 0);
            return a.forward(fw, flow(a, fw, LAN, "192.168.88.20", Verdict.OK, null, null, false, lan),
                    flow(a, fw, internet("ether1"), "8.8.8.8", Verdict.OK, null, null, false, wan));
        };
    }

    @Test
    void aWorkingVerdictThatRestsOnAnotherRulesAssumptionIsReportedAtThatRule() {
        Assumption time = Assumption.assumed(7, "time=8h-17h,mon,tue,wed,thu,fri is not analysed; assumed not to match");
        List<Finding> out = new NotAnalysedRule().check(context(FORWARDS, assumed(time, time)));
        assertThat(out).extracting(f -> f.location().line()).containsExactly(6, 7);
        assertThat(out).allSatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("not-analysed");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.fix()).isNull();
        });
        assertThat(out.get(0).message()).isEqualTo("to-addresses=$server cannot be read (a variable or not an IPv4 address),"
                + " so this forward is not analysed.");
        assertThat(out.get(1).message()).isEqualTo("time=8h-17h,mon,tue,wed,thu,fri is not analysed; assumed not to match:"
                + " the forward at line 5 works for LAN and internet clients only under this assumption.");
    }

    @Test
    void anUnknownVerdictIsReportedAtTheForward() {
        Assumption budget = Assumption.unknown(0, "the chain forward took more than 2000000 steps");
        List<Finding> out = new NotAnalysedRule().check(context(FORWARDS, assumed(budget, budget)));
        assertThat(out).extracting(f -> f.location().line()).containsExactly(5, 6);
        assertThat(out.get(0).message()).isEqualTo("the verdict for LAN bridge 192.168.88.0/24 is unknown: the chain forward"
                + " took more than 2000000 steps; the verdict for internet via ether1 is unknown: the chain forward took"
                + " more than 2000000 steps.");
    }

    @Test
    void aRawDropThatCanMeetTheForwardsConnectionsIsReported() {
        String script = FORWARDS + "/ip firewall raw add action=drop chain=prerouting protocol=tcp dst-port=80\n";
        List<Finding> out = new NotAnalysedRule().check(context(script, c -> assumed(null, null).apply(c)
                .matches(rule(c, Table.RAW, 8), PacketSet.of(new HandAnalysis(c, "bridge", "ether1").anyPacket()
                        .with(Field.PROTOCOL, IntervalSet.point(6)).with(Field.DST_PORT, IntervalSet.point(80))))));
        assertThat(out).filteredOn(f -> f.location().line() == 8).singleElement().satisfies(f -> assertThat(f.message())
                .isEqualTo("the raw table is not analysed, and this drop in raw prerouting (before dst-nat) can meet"
                        + " connections to the forward at line 5."));
    }
}
