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
import dev.natlint.flow.packet.Field;
import dev.natlint.flow.packet.PacketSet;
import dev.natlint.model.FirewallRule;
import dev.natlint.model.RouterConfig;
import dev.natlint.model.Table;
import dev.natlint.net.IntervalSet;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The forward rules on verdicts written by hand: each finding's line, severity, message and fix. */
class DstnatRulesTest {

    /** LAN bridge, WAN ether1, a masquerade and, at line 5, the forward given. */
    private static String script(String forward) {
        return """
                /interface bridge add name=bridge
                /ip address add address=192.168.88.1/24 interface=bridge
                /ip address add address=203.0.113.2/24 interface=ether1
                /ip firewall nat add action=masquerade chain=srcnat out-interface=ether1
                """ + forward + "\n";
    }

    private static final Source LAN = lanSource("bridge", "192.168.88.0/24");
    private static final Source WAN = internet("ether1");

    private static HandAnalysis router(RouterConfig c) {
        return new HandAnalysis(c, "bridge", "ether1").lan("bridge", "192.168.88.1/24").wan("ether1", "203.0.113.2/24")
                .source(LAN).source(WAN);
    }

    /** The forward at line 5 (public 203.0.113.2:80, or {@code pub}) with a LAN flow and an internet flow. */
    private static Function<RouterConfig, HandAnalysis> flows(String pub, String target, Verdict lan, Verdict wan) {
        return c -> {
            HandAnalysis a = router(c);
            Forward fw = forward(rule(c, Table.NAT, 5), pub, 80, target, 0);
            return a.forward(fw, flow(a, fw, LAN, "192.168.88.20", lan), flow(a, fw, WAN, "8.8.8.8", wan))
                    // the forward's own matchers admit every client of its public address and port
                    .matches(fw.rule(), a.tcp("ether1", "0.0.0.0/0", pub, 80).union(a.tcp("bridge", "0.0.0.0/0", pub, 80)));
        };
    }

    @Test
    void anUnroutableTargetGetsARouteTowardsTheLan() {
        String s = script("/ip firewall nat add action=dst-nat chain=dstnat dst-address=203.0.113.2 dst-port=80 protocol=tcp"
                + " to-addresses=10.9.9.9");
        List<Finding> out = new DstnatTargetUnroutableRule().check(context(s,
                flows("203.0.113.2", "10.9.9.9", Verdict.UNROUTABLE, Verdict.UNROUTABLE),
                flows("203.0.113.2", "10.9.9.9", Verdict.OK, Verdict.OK)));
        assertThat(out).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("dstnat-target-unroutable");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.location().line()).isEqualTo(5);
            assertThat(f.message()).isEqualTo("LAN client 192.168.88.20 -> 203.0.113.2:80/tcp is translated to 10.9.9.9,"
                    + " which is on no connected subnet and no route, so the connection fails for every client.");
            assertThat(f.fix().description())
                    .isEqualTo("if the server really is at 10.9.9.9 behind bridge, route it there; otherwise correct to-addresses");
            assertThat(f.fix().snippet())
                    .isEqualTo("/ip route add dst-address=10.9.9.9/32 gateway=bridge comment=\"natlint: route to the forward at line 5\"");
        });
    }

    @Test
    void anUnroutableTargetWithoutALanGetsNoFix() {
        String s = script("/ip firewall nat add action=dst-nat chain=dstnat dst-address=203.0.113.2 dst-port=80 protocol=tcp"
                + " to-addresses=10.9.9.9");
        List<Finding> out = new DstnatTargetUnroutableRule().check(context(s, c -> {
            HandAnalysis a = new HandAnalysis(c, "ether1").wan("ether1", "203.0.113.2/24").source(WAN);
            Forward fw = forward(rule(c, Table.NAT, 5), "203.0.113.2", 80, "10.9.9.9", 0);
            return a.forward(fw, flow(a, fw, WAN, "8.8.8.8", Verdict.UNROUTABLE));
        }));
        assertThat(out).singleElement().satisfies(f -> {
            assertThat(f.message()).startsWith("internet client 8.8.8.8 -> 203.0.113.2:80/tcp is translated to 10.9.9.9");
            assertThat(f.fix()).isNull();
        });
    }

    @Test
    void aForwardKeyedOnTheWanInterfaceMatchesThePublicAddressAndGetsTheHairpinItThenNeeds() {
        String s = script("/ip firewall nat add action=dst-nat chain=dstnat in-interface=ether1 dst-port=80 protocol=tcp"
                + " to-addresses=192.168.88.10");
        Function<RouterConfig, HandAnalysis> before = c -> {
            HandAnalysis a = flows("203.0.113.2", "192.168.88.10", Verdict.NO_DST_NAT, Verdict.OK).apply(c);
            // the in-interface matcher alone admits every internet client: no deliberate limit
            return a.failing(rule(c, Table.NAT, 5), "in-interface")
                    .matchesOnly("in-interface=ether1", PacketSet.of(a.arrivingOn("ether1")));
        };
        // once LAN clients are translated, the server on their own subnet answers them directly
        Function<RouterConfig, HandAnalysis> afterFix = flows("203.0.113.2", "192.168.88.10",
                Verdict.REPLY_BYPASSES_ROUTER, Verdict.OK);
        List<Finding> out = new DstnatUnreachableFromLanRule().check(context(s, before, afterFix));
        assertThat(out).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("dstnat-unreachable-from-lan");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.location().line()).isEqualTo(5);
            assertThat(f.message()).isEqualTo("LAN client 192.168.88.20 -> 203.0.113.2:80/tcp never reaches 192.168.88.10:"
                    + " the forward requires in-interface=ether1, so the packet is not translated and goes to the router itself.");
            assertThat(f.fix().description()).isEqualTo("match the public address instead of the incoming interface,"
                    + " plus the hairpin masquerade LAN clients then need");
            assertThat(f.fix().snippet()).isEqualTo("""
                    /ip firewall nat set [find where chain=dstnat and action=dst-nat] !in-interface dst-address=203.0.113.2
                    /ip firewall nat add action=masquerade chain=srcnat src-address=192.168.88.0/24 dst-address=192.168.88.10\
                     protocol=tcp dst-port=80 out-interface=bridge comment="natlint: hairpin NAT for 192.168.88.0/24 to\
                     192.168.88.10:80/tcp\"""");
        });
    }

    @Test
    void aSourceRestrictionIsNeverWidened() {
        String s = script("/ip firewall nat add action=dst-nat chain=dstnat src-address=198.51.100.0/24 dst-address=203.0.113.2"
                + " dst-port=80 protocol=tcp to-addresses=192.168.88.10");
        List<Finding> out = new DstnatUnreachableFromLanRule().check(context(s, c -> flows("203.0.113.2", "192.168.88.10",
                Verdict.NO_DST_NAT, Verdict.OK).apply(c).failing(rule(c, Table.NAT, 5), "src-address")));
        assertThat(out).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).contains("the forward requires src-address=198.51.100.0/24",
                    "The forward is deliberately limited (src-address=198.51.100.0/24, which also keeps out other internet"
                            + " clients); natlint does not widen it.");
            assertThat(f.fix()).isNull();
        });
    }

    @Test
    void aForwardForAStaleWanAddressIsMovedToTheCurrentOne() {
        String s = script("/ip firewall nat add action=dst-nat chain=dstnat dst-address=198.51.100.7 dst-port=80 protocol=tcp"
                + " to-addresses=192.168.88.10");
        List<Finding> out = new DstnatForeignAddressRule().check(context(s,
                flows("198.51.100.7", "192.168.88.10", Verdict.OK, Verdict.NOT_DELIVERED),
                flows("203.0.113.2", "192.168.88.10", Verdict.OK, Verdict.OK)));
        assertThat(out).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("dstnat-foreign-address");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.location().line()).isEqualTo(5);
            assertThat(f.message()).isEqualTo("internet clients never reach this forward: dst-address=198.51.100.7 is not an"
                    + " address of this router (its public address is 203.0.113.2), which looks like a stale WAN address;"
                    + " the internet does not deliver packets for it here.");
            assertThat(f.fix().description()).isEqualTo("match the router's current public address 203.0.113.2");
            assertThat(f.fix().snippet())
                    .isEqualTo("/ip firewall nat set [find where chain=dstnat and action=dst-nat] dst-address=203.0.113.2");
        });
    }

    @Test
    void internetClientsTheForwardKeepsOutAreNotItsUsers() {
        String s = script("/ip firewall nat add action=dst-nat chain=dstnat dst-address=198.51.100.7 dst-port=80 protocol=tcp"
                + " to-addresses=192.168.88.10");
        List<Finding> out = new DstnatForeignAddressRule().check(context(s, c -> {
            HandAnalysis a = flows("198.51.100.7", "192.168.88.10", Verdict.OK, Verdict.NOT_DELIVERED).apply(c);
            return a.matches(rule(c, Table.NAT, 5), a.tcp("bridge", "0.0.0.0/0", "198.51.100.7", 80)); // LAN only
        }));
        assertThat(out).isEmpty();
    }

    @Test
    void aDropOfEveryInternetClientGetsTheDefconfException() {
        String s = script("/ip firewall nat add action=dst-nat chain=dstnat dst-address=203.0.113.2 dst-port=80 protocol=tcp"
                + " to-addresses=192.168.88.10")
                + "/ip firewall filter add action=drop chain=forward in-interface=ether1\n";
        Function<RouterConfig, HandAnalysis> before = c -> {
            HandAnalysis a = router(c);
            Forward fw = forward(rule(c, Table.NAT, 5), "203.0.113.2", 80, "192.168.88.10", 0);
            return a.forward(fw, flow(a, fw, LAN, "192.168.88.20", Verdict.OK),
                    flow(a, fw, WAN, "8.8.8.8", Verdict.FILTERED, rule(c, Table.FILTER, 6), null, false))
                    .matches(fw.rule(), a.tcp("ether1", "0.0.0.0/0", "203.0.113.2", 80));
        };
        List<Finding> out = new ForwardUnreachableFromInternetRule().check(context(s, before,
                flows("203.0.113.2", "192.168.88.10", Verdict.OK, Verdict.OK)));
        assertThat(out).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("forward-unreachable-from-internet");
            assertThat(f.location().line()).isEqualTo(5);
            assertThat(f.message()).isEqualTo("no internet client can use this forward: the filter rule at line 6"
                    + " (chain=forward action=drop) drops it (internet client 8.8.8.8 -> 203.0.113.2:80/tcp).");
            assertThat(f.fix().description()).isEqualTo("exempt port-forwarded connections from the drop at line 6"
                    + " (the defconf connection-nat-state=!dstnat exception)");
            assertThat(f.fix().snippet())
                    .isEqualTo("/ip firewall filter set [find where chain=forward and action=drop] connection-nat-state=!dstnat");
        });
        // the same drop with one internet client still working is someone's design, not a dead forward
        assertThat(new ForwardUnreachableFromInternetRule().check(context(s,
                flows("203.0.113.2", "192.168.88.10", Verdict.OK, Verdict.OK)))).isEmpty();
    }

    @Test
    void aTargetBeyondTheUplinkWithoutSrcNatGetsAMasqueradeAboveTheAcceptThatTookIt() {
        String s = """
                /ip address add address=203.0.113.2/24 interface=ether1
                /ip firewall nat add action=accept chain=srcnat dst-address=198.51.100.0/24 comment=branch
                /ip firewall nat add action=dst-nat chain=dstnat dst-port=443 protocol=tcp to-addresses=198.51.100.20
                """;
        List<Finding> out = new DstnatTargetBeyondUplinkRule().check(context(s, c -> {
            HandAnalysis a = new HandAnalysis(c, "bridge", "ether1").lan("bridge", "192.168.88.1/24")
                    .wan("ether1", "203.0.113.2/24").defaultRoute("ether1")
                    .route("198.51.100.20", new RouteResult("ether1", RouteResult.Via.DEFAULT, "default route"));
            Forward fw = forward(rule(c, Table.NAT, 3), "203.0.113.2", 443, "198.51.100.20", 0);
            FirewallRule accept = rule(c, Table.NAT, 2);
            return a.forward(fw, flow(a, fw, LAN, "192.168.88.20", Verdict.REPLY_OUTSIDE_ROUTER, accept, null, false),
                    flow(a, fw, WAN, "8.8.8.8", Verdict.REPLY_OUTSIDE_ROUTER, accept, null, false));
        }));
        assertThat(out).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("dstnat-target-beyond-uplink");
            assertThat(f.location().line()).isEqualTo(3);
            assertThat(f.message()).startsWith("internet client 8.8.8.8 -> 203.0.113.2:443/tcp is sent to 198.51.100.20:443"
                    + " out of uplink ether1 with the client's own address as its source");
            assertThat(f.fix().snippet()).isEqualTo("/ip firewall nat add action=masquerade chain=srcnat"
                    + " dst-address=198.51.100.20 protocol=tcp dst-port=443 out-interface=ether1 place-before=[find where"
                    + " comment=branch] comment=\"natlint: replies from 198.51.100.20 come back through the router (forward at"
                    + " line 3)\"");
        });
    }

    @Test
    void noRouteBackToInternetClientsNamesTheDhcpClientThatWasToldNotToAddOne() {
        String s = """
                /ip dhcp-client add interface=ether1 add-default-route=no
                /ip firewall nat add action=dst-nat chain=dstnat dst-port=80 protocol=tcp to-addresses=192.168.88.10
                """;
        List<Finding> out = new DstnatNoRouteBackRule().check(context(s, c -> {
            HandAnalysis a = new HandAnalysis(c, "bridge", "ether1").lan("bridge", "192.168.88.1/24")
                    .wan("ether1", "203.0.113.2/24");
            Forward fw = forward(rule(c, Table.NAT, 2), "203.0.113.2", 80, "192.168.88.10", 0);
            return a.forward(fw, flow(a, fw, WAN, "203.0.113.9", Verdict.OK),
                    flow(a, fw, WAN, "8.8.8.8", Verdict.NO_ROUTE_BACK));
        }));
        assertThat(out).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("dstnat-no-route-back");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.location().line()).isEqualTo(2);
            assertThat(f.message()).isEqualTo("internet clients never get a reply: the router has no route back to them"
                    + " (the main table has no default route), so it drops the server's replies (internet client 8.8.8.8"
                    + " -> 203.0.113.2:80/tcp).");
            assertThat(f.fix().snippet()).isEqualTo("/ip dhcp-client set [find where interface=ether1] add-default-route=yes");
        });
        // a static uplink: the provider's gateway is not in the script, so there is no snippet to print
        String statik = "/ip address add address=203.0.113.2/24 interface=ether1\n"
                + "/ip firewall nat add action=dst-nat chain=dstnat dst-port=80 protocol=tcp to-addresses=192.168.88.10\n";
        List<Finding> noFix = new DstnatNoRouteBackRule().check(context(statik, c -> {
            HandAnalysis a = new HandAnalysis(c, "bridge", "ether1").lan("bridge", "192.168.88.1/24")
                    .wan("ether1", "203.0.113.2/24");
            Forward fw = forward(rule(c, Table.NAT, 2), "203.0.113.2", 80, "192.168.88.10", 0);
            return a.forward(fw, flow(a, fw, WAN, "8.8.8.8", Verdict.NO_ROUTE_BACK));
        }));
        assertThat(noFix).singleElement().satisfies(f -> {
            assertThat(f.fix()).isNull();
            assertThat(f.message()).endsWith("Add a default route via the provider's gateway (/ip route add"
                    + " gateway=<provider gateway>); the script does not say which address that is, so natlint offers no fix.");
        });
        // every internet client gets its reply: nothing to say
        assertThat(new DstnatNoRouteBackRule().check(context(statik, c -> {
            HandAnalysis a = new HandAnalysis(c, "bridge", "ether1").lan("bridge", "192.168.88.1/24")
                    .wan("ether1", "203.0.113.2/24");
            Forward fw = forward(rule(c, Table.NAT, 2), "203.0.113.2", 80, "192.168.88.10", 0);
            return a.forward(fw, flow(a, fw, WAN, "8.8.8.8", Verdict.OK));
        }))).isEmpty();
    }

    @Test
    void repliesLeavingByTheOtherUplinkGetConnectionAndRoutingMarks() {
        String s = """
                /ip address add address=203.0.113.2/24 interface=ether1
                /ip address add address=198.51.100.2/24 interface=ether2
                /ip route add dst-address=0.0.0.0/0 gateway=203.0.113.1
                /ip route add dst-address=0.0.0.0/0 gateway=198.51.100.1 distance=2
                /ip firewall nat add action=dst-nat chain=dstnat dst-port=80 protocol=tcp to-addresses=192.168.88.10
                """;
        Source viaEther2 = internet("ether2");
        List<Finding> out = new DstnatReplyWrongUplinkRule().check(context(s, c -> {
            HandAnalysis a = new HandAnalysis(c, "bridge", "ether1", "ether2").lan("bridge", "192.168.88.1/24")
                    .wan("ether1", "203.0.113.2/24").wan("ether2", "198.51.100.2/24").defaultRoute("ether1")
                    .egress("203.0.113.1", "ether1").egress("198.51.100.1", "ether2");
            Forward fw = forward(rule(c, Table.NAT, 5), "198.51.100.2", 80, "192.168.88.10", 0);
            return a.forward(fw, flow(a, fw, WAN, "8.8.8.8", Verdict.OK),
                    flow(a, fw, viaEther2, "8.8.4.4", Verdict.REPLY_WRONG_UPLINK));
        }));
        assertThat(out).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("dstnat-reply-wrong-uplink");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.location().line()).isEqualTo(5);
            assertThat(f.message()).isEqualTo("internet clients that connect over ether2 never get a reply: the main table's"
                    + " default route sends every reply out of ether1, and no connection and routing marks send the replies"
                    + " of ether2 connections back the way they came (internet client 8.8.4.4 -> 198.51.100.2:80/tcp).");
            assertThat(f.fix().description()).startsWith("mark connections that come in on ether2 and route their replies"
                    + " out of ether2 (RouterOS 7;");
            assertThat(f.fix().snippet().lines().toList()).hasSize(4).satisfies(l -> {
                assertThat(l.get(0)).isEqualTo("/routing table add name=natlint-via-ether2 fib"
                        + " comment=\"natlint: replies to connections that came in on ether2\"");
                assertThat(l.get(1)).startsWith("/ip route add dst-address=0.0.0.0/0 gateway=198.51.100.1"
                        + " routing-table=natlint-via-ether2 ");
                assertThat(l.get(2)).contains("action=mark-connection", "in-interface=ether2",
                        "new-connection-mark=natlint-in-ether2");
                assertThat(l.get(3)).contains("action=mark-routing", "connection-mark=natlint-in-ether2",
                        "new-routing-mark=natlint-via-ether2");
            });
        });
    }

    @Test
    void aForwardOfEveryRouterAddressTakesTheRoutersWebPageFromTheLan() {
        String s = script("/ip firewall nat add action=dst-nat chain=dstnat dst-address-type=local dst-port=80 protocol=tcp"
                + " to-addresses=192.168.88.10");
        Function<RouterConfig, HandAnalysis> analysis = c -> {
            HandAnalysis a = flows("203.0.113.2", "192.168.88.10", Verdict.OK, Verdict.OK).apply(c);
            // dst-address-type=local: both router addresses, from anywhere
            return a.matches(rule(c, Table.NAT, 5), PacketSet.of(a.anyPacket()
                    .with(Field.DST_ADDRESS, IntervalSet.point(RuleTests.ip("192.168.88.1"))
                            .union(IntervalSet.point(RuleTests.ip("203.0.113.2"))))
                    .with(Field.PROTOCOL, IntervalSet.point(6)).with(Field.DST_PORT, IntervalSet.point(80))));
        };
        List<Finding> out = new DstnatCapturesRouterServiceRule().check(context(s, analysis, analysis));
        assertThat(out).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("dstnat-captures-router-service");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.location().line()).isEqualTo(5);
            assertThat(f.message()).isEqualTo("LAN client -> 192.168.88.1 (the router's own bridge address): the forward at"
                    + " line 5 sends it to 192.168.88.10, so LAN users lose the router's www (tcp/80).");
            assertThat(f.fix().description()).isEqualTo("keep the router's own LAN address out of the forward");
            assertThat(f.fix().snippet())
                    .isEqualTo("/ip firewall nat set [find where chain=dstnat and action=dst-nat] dst-address=!192.168.88.1");
        });
    }

    @Test
    void aForwardOfThePublicAddressOnlyLeavesTheRoutersServicesAlone() {
        String s = script("/ip firewall nat add action=dst-nat chain=dstnat dst-address=203.0.113.2 dst-port=80 protocol=tcp"
                + " to-addresses=192.168.88.10");
        assertThat(new DstnatCapturesRouterServiceRule().check(context(s,
                flows("203.0.113.2", "192.168.88.10", Verdict.OK, Verdict.OK)))).isEmpty();
    }
}
