package dev.natlint.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.natlint.diag.Assumption;
import dev.natlint.diag.Certainty;
import dev.natlint.model.ConfigBuilder;
import dev.natlint.net.Ipv4;
import dev.natlint.parse.RouterOsReader;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Marks set by mangle and matched by filter and NAT rules, followed through RouterOS's order: mangle
 * prerouting before dst-nat, mangle forward before the filter, mangle postrouting before src-nat, and the
 * connection mark on the reply. Each case is a router small enough to check by reading it.
 */
class MarksTest {

    /** VerdictTest's router with its port 80 forward to 192.168.1.10. */
    private static final String BASE = VerdictTest.BASE + VerdictTest.FWD;

    private static FlowAnalyzer analyze(String rules) {
        return FlowAnalyzer.of(ConfigBuilder.build(RouterOsReader.read("m.rsc", BASE + rules)));
    }

    private static Flow trace(String rules, String from) {
        return analyze(rules).trace(Ipv4.parse(from).orElseThrow(), Ipv4.parse("203.0.113.2").orElseThrow(), 6, 80, null)
                .orElseThrow();
    }

    private static Verdict verdict(String rules, String from) {
        return trace(rules, from).verdict();
    }

    private static final String DROP_QUARANTINE = "/ip firewall filter add chain=forward action=drop connection-mark=quarantine\n";

    @Test
    void connectionMarkedInPreroutingIsDroppedInForward() {
        String r = "/ip firewall mangle add chain=prerouting action=mark-connection new-connection-mark=quarantine"
                + " src-address=192.168.20.66\n" + DROP_QUARANTINE;
        Flow marked = trace(r, "192.168.20.66");
        assertThat(marked.verdict()).isEqualTo(Verdict.FILTERED);
        assertThat(marked.certainty()).isEqualTo(Certainty.EXACT);
        assertThat(marked.steps().get(marked.steps().size() - 1).what())
                .contains("connection-mark=quarantine, set by mangle");
        assertThat(verdict(r, "192.168.20.7")).isEqualTo(Verdict.OK);
        assertThat(verdict(r, "198.51.100.9")).isEqualTo(Verdict.OK);
    }

    @Test
    void aMarkNothingSetsNeverMatchesAndNothingIsAssumed() {
        Flow f = trace(DROP_QUARANTINE, "192.168.20.66");
        assertThat(f.verdict()).isEqualTo(Verdict.OK);
        assertThat(f.assumptions()).isEmpty();
    }

    @Test
    void passthroughNoEndsTheWalkSoLaterMarksAreNotSet() {
        String r = """
                /ip firewall mangle add chain=prerouting action=mark-connection new-connection-mark=trusted src-address=192.168.20.66 passthrough=no
                /ip firewall mangle add chain=prerouting action=mark-connection new-connection-mark=quarantine src-address=192.168.20.0/24
                """ + DROP_QUARANTINE;
        assertThat(verdict(r, "192.168.20.66")).isEqualTo(Verdict.OK);
        assertThat(verdict(r, "192.168.20.7")).isEqualTo(Verdict.FILTERED);
        // with passthrough=yes the second rule overwrites the first mark
        assertThat(verdict(r.replace("passthrough=no", "passthrough=yes"), "192.168.20.66")).isEqualTo(Verdict.FILTERED);
    }

    @Test
    void mangleAcceptEndsTheWalk() {
        String r = """
                /ip firewall mangle add chain=prerouting action=accept src-address=192.168.20.66
                /ip firewall mangle add chain=prerouting action=mark-connection new-connection-mark=quarantine src-address=192.168.20.0/24
                """ + DROP_QUARANTINE;
        assertThat(verdict(r, "192.168.20.66")).isEqualTo(Verdict.OK);
        assertThat(verdict(r, "192.168.20.7")).isEqualTo(Verdict.FILTERED);
    }

    @Test
    void jumpAndReturnCarryMarksBetweenChains() {
        String r = """
                /ip firewall mangle add chain=prerouting action=jump jump-target=classify in-interface=vlan20
                /ip firewall mangle add chain=classify action=return src-address=192.168.20.66
                /ip firewall mangle add chain=classify action=mark-connection new-connection-mark=quarantine
                /ip firewall mangle add chain=prerouting action=mark-connection new-connection-mark=seen connection-mark=quarantine
                /ip firewall filter add chain=forward action=drop connection-mark=seen
                """;
        // marked quarantine in the custom chain, then "seen" back in prerouting by a rule reading that mark
        assertThat(verdict(r, "192.168.20.7")).isEqualTo(Verdict.FILTERED);
        // returned before the mark: never marked
        assertThat(verdict(r, "192.168.20.66")).isEqualTo(Verdict.OK);
        assertThat(verdict(r, "198.51.100.9")).isEqualTo(Verdict.OK);
    }

    @Test
    void aJumpLoopEndsWithANote() {
        String r = """
                /ip firewall mangle add chain=prerouting action=jump jump-target=a
                /ip firewall mangle add chain=a action=jump jump-target=a
                /ip firewall mangle add chain=a action=mark-connection new-connection-mark=quarantine
                """ + DROP_QUARANTINE;
        Flow f = trace(r, "192.168.20.7");
        assertThat(f.verdict()).isEqualTo(Verdict.FILTERED);
        assertThat(f.assumptions()).extracting(Assumption::reason).contains("jump loop into chain a ignored");
    }

    @Test
    void packetMarkInMangleForwardIsSeenByTheFilter() {
        String r = """
                /ip firewall mangle add chain=forward action=mark-packet new-packet-mark=to-server out-interface=bridge dst-address=192.168.1.10
                /ip firewall filter add chain=forward action=drop packet-mark=to-server in-interface=vlan20
                """;
        assertThat(verdict(r, "192.168.20.7")).isEqualTo(Verdict.FILTERED);
        assertThat(verdict(r, "198.51.100.9")).isEqualTo(Verdict.OK);
    }

    @Test
    void packetMarkInManglePostroutingSelectsTheHairpinMasquerade() {
        String masq = "/ip firewall nat add chain=srcnat action=masquerade packet-mark=hairpin\n";
        String mark = "/ip firewall mangle add chain=postrouting action=mark-packet new-packet-mark=hairpin"
                + " src-address=192.168.1.0/24 dst-address=192.168.1.10 out-interface=bridge\n";
        assertThat(verdict(masq, "192.168.1.7")).isEqualTo(Verdict.REPLY_BYPASSES_ROUTER);
        assertThat(verdict(masq + mark, "192.168.1.7")).isEqualTo(Verdict.OK);
    }

    @Test
    void theConnectionMarkStaysOnTheReplyAndThePacketMarkDoesNot() {
        String connection = """
                /ip firewall mangle add chain=prerouting action=mark-connection new-connection-mark=from-wan in-interface=wan
                /ip firewall filter add chain=forward action=drop connection-mark=from-wan src-address=192.168.1.10
                """;
        Flow f = trace(connection, "198.51.100.9");
        assertThat(f.verdict()).isEqualTo(Verdict.FILTERED);
        assertThat(f.replyDropped()).isTrue();
        String packet = connection.replace("mark-connection new-connection-mark", "mark-packet new-packet-mark")
                .replace("connection-mark=from-wan", "packet-mark=from-wan");
        assertThat(verdict(packet, "198.51.100.9")).isEqualTo(Verdict.OK);
    }

    @Test
    void negatedMarksAndNoMark() {
        String r = """
                /ip firewall mangle add chain=prerouting action=mark-connection new-connection-mark=trusted src-address=192.168.20.66
                /ip firewall filter add chain=forward action=drop connection-mark=!trusted in-interface=vlan20
                """;
        assertThat(verdict(r, "192.168.20.66")).isEqualTo(Verdict.OK);
        assertThat(verdict(r, "192.168.20.7")).isEqualTo(Verdict.FILTERED);
        String noMark = r.replace("connection-mark=!trusted", "connection-mark=no-mark");
        assertThat(verdict(noMark, "192.168.20.66")).isEqualTo(Verdict.OK);
        assertThat(verdict(noMark, "192.168.20.7")).isEqualTo(Verdict.FILTERED);
    }

    @Test
    void aMarkNothingReadsIsNotFollowedAndAddsNoAssumption() {
        String r = "/ip firewall mangle add chain=prerouting action=mark-connection new-connection-mark=isp1"
                + " per-connection-classifier=both-addresses:2/0 in-interface=vlan20\n";
        Flow f = trace(r, "192.168.20.7");
        assertThat(f.verdict()).isEqualTo(Verdict.OK);
        assertThat(f.assumptions()).isEmpty();
    }

    @Test
    void anUnmodelledMatcherOnAMarkRuleSplitsTheFlowBothWays() {
        String r = """
                /ip firewall mangle add chain=prerouting action=mark-connection new-connection-mark=isp1 per-connection-classifier=both-addresses:2/0 in-interface=vlan20
                /ip firewall filter add chain=forward action=drop connection-mark=isp1
                """;
        FlowAnalyzer an = analyze(r);
        List<Flow> fromVlan20 = an.flows().stream().filter(f -> f.source().iface().equals("vlan20")).toList();
        Set<String> byVerdict = fromVlan20.stream().map(f -> f.verdict() + ": " + f.assumptions().stream()
                .map(Assumption::reason).collect(Collectors.joining("; "))).collect(Collectors.toSet());
        assertThat(byVerdict).containsExactlyInAnyOrder(
                "FILTERED: per-connection-classifier=both-addresses:2/0 is not analysed; assumed to match",
                "OK: per-connection-classifier=both-addresses:2/0 is not analysed; assumed not to match");
    }

    @Test
    void manyMarkRulesWithUnmodelledMatchersDoNotMultiplyTheFlows() {
        // each rule alone splits the flow both ways; thirty in a row would be 2^30 combinations
        StringBuilder r = new StringBuilder("/ip firewall filter add chain=forward action=drop connection-mark=m7\n");
        for (int i = 1; i <= 30; i++) {
            r.append("/ip firewall mangle add chain=prerouting action=mark-connection new-connection-mark=m").append(i)
                    .append(" per-connection-classifier=both-addresses:30/").append(i).append('\n');
        }
        List<Flow> flows = analyze(r.toString()).flows();
        // per client group, one flow per mark the request can end with (31) times the marks its reply can end
        // with (the rules run again on the reply): never one per combination of thirty choices
        long groups = flows.stream().map(Flow::source).distinct().count();
        assertThat(flows).hasSizeLessThanOrEqualTo((int) groups * 31 * 31);
        assertThat(flows).anySatisfy(f -> {
            assertThat(f.verdict()).isEqualTo(Verdict.FILTERED);
            assertThat(f.assumptions()).extracting(Assumption::reason).anyMatch(reason -> reason.startsWith(
                    "whether the mark rules at lines ") && reason.endsWith(" match rests on matchers natlint does not"
                    + " model; this verdict is for the connections that end with connection-mark=m7"));
        });
        assertThat(flows).anySatisfy(f -> assertThat(f.verdict()).isEqualTo(Verdict.OK));
    }

    @Test
    void marksSetOnlyOnTheReplyDirectionReachTheReplysFilter() {
        // the reply enters on the bridge: mangle prerouting marks it there, and the filter drops the mark
        String r = """
                /ip firewall mangle add chain=prerouting action=mark-connection new-connection-mark=server-side in-interface=bridge src-address=192.168.1.10
                /ip firewall filter add chain=forward action=drop connection-mark=server-side out-interface=wan
                """;
        Flow f = trace(r, "198.51.100.9");
        assertThat(f.verdict()).isEqualTo(Verdict.FILTERED);
        assertThat(f.replyDropped()).isTrue();
    }
}
