package dev.natlint.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.natlint.diag.Finding;
import dev.natlint.model.ConfigBuilder;
import dev.natlint.model.FirewallRule;
import dev.natlint.model.RouterConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouterOsReaderTest {

    private static ParsedScript read(String text) {
        return RouterOsReader.read("t.rsc", text);
    }

    private static RouterConfig model(String text) {
        return ConfigBuilder.build(read(text));
    }

    private static Command only(String text) {
        List<Command> cs = read(text).commands();
        assertThat(cs).hasSize(1);
        return cs.get(0);
    }

    private static String value(Command c, String name) {
        return c.property(name).orElseThrow().value().text();
    }

    @Test
    void headerAndCommentsAreNotCommands() {
        ParsedScript s = read("# 2025-03-14 09:12:40 by RouterOS 7.18.2\n# software id = AB12\n#\n/ip firewall nat\nadd chain=srcnat\n");
        assertThat(s.commands()).hasSize(1);
        assertThat(s.routerOsVersion()).contains("7.18.2");
        assertThat(s.commentsByLine()).containsKeys(1, 2, 3);
    }

    @Test
    void menuLinePersistsAcrossComments() {
        ParsedScript s = read("/ip firewall nat\n# a comment\nadd chain=srcnat\nadd chain=dstnat\n");
        assertThat(s.commands()).extracting(Command::menu).containsOnly("/ip firewall nat");
    }

    @Test
    void slashFormWithVerbGluedOn() {
        Command c = only("/ip/firewall/nat/add chain=dstnat action=dst-nat\n");
        assertThat(c.path()).containsExactly("ip", "firewall", "nat");
        assertThat(c.verb()).isEqualTo("add");
    }

    @Test
    void terseLineDoesNotChangeTheCurrentMenu() {
        ParsedScript s = read("/ip address\n/ip firewall nat add chain=srcnat\nadd address=1.2.3.4/24 interface=ether1\n");
        assertThat(s.commands()).extracting(Command::menu).containsExactly("/ip firewall nat", "/ip address");
    }

    @Test
    void relativePathsInsideBlocks() {
        ParsedScript s = read("/ip dns { set allow-remote-requests=yes; static add name=nas.lan address=192.168.88.10 }\n"
                + "/ip firewall { filter add chain=input action=accept }\n");
        assertThat(s.commands()).extracting(Command::menu, Command::verb).containsExactly(
                org.assertj.core.groups.Tuple.tuple("/ip dns", "set"),
                org.assertj.core.groups.Tuple.tuple("/ip dns static", "add"),
                org.assertj.core.groups.Tuple.tuple("/ip firewall filter", "add"));
        assertThat(model("/ip dns { set allow-remote-requests=yes; static add name=nas.lan address=192.168.88.10 }\n")
                .dnsStatic()).extracting(d -> d.name()).containsExactly("nas.lan");
    }

    @Test
    void anyCommandWordIsKeptGenerically() {
        Command c = only("/system script run myscript\n");
        assertThat(c.verb()).isEqualTo("run");
        Command other = only("/tool fetch url=\"http://example.invalid/x\" mode=http\n");
        assertThat(other.verb()).isEqualTo("fetch");
        assertThat(value(other, "mode")).isEqualTo("http");
    }

    @Test
    void bareFlagsDottedPropertiesNegationListsAndRanges() {
        Command c = only("/ip route add blackhole dst-address=10.0.0.0/8 .mode=ap in-interface-list=!LAN "
                + "dst-port=80,443,8000-8080 !keepalive\n");
        assertThat(c.positionals()).extracting(a -> ((Arg.Positional) a).value().text()).containsExactly("blackhole", "!keepalive");
        assertThat(value(c, ".mode")).isEqualTo("ap");
        assertThat(value(c, "in-interface-list")).isEqualTo("!LAN");
        assertThat(value(c, "dst-port")).isEqualTo("80,443,8000-8080");
    }

    @Test
    void everyStringEscape() {
        Command c = only("/x add a=\"q\\\"b\\\\s\\n\\r\\t\\$\\?\\_E\\E2\\80\\93\"\n");
        assertThat(value(c, "a")).isEqualTo("q\"b\\s\n\r\t$? E\u2013");
    }

    @Test
    void invalidUtf8BytesAreKeptLosslessly() {
        Command c = only("/x add comment=\"\\D0\\E0\\E7\"\n");
        assertThat(value(c, "comment")).isEqualTo("\u00D0\u00E0\u00E7");
    }

    @Test
    void continuationsAreJoinedEvenInsideStrings() {
        Command c = only("/ip firewall nat\nadd action=dst-nat comment=\"NAS \\E2\\80\\\n    \\93 HTTPS\" dst-port=\\\n    443 chain=dstnat\n");
        assertThat(value(c, "comment")).isEqualTo("NAS \u2013 HTTPS");
        assertThat(value(c, "dst-port")).isEqualTo("443");
        assertThat(c.location().line()).isEqualTo(2);
    }

    @Test
    void tabIndentedContinuationAndCrlf() {
        Command c = only("/ip address add address=10.0.0.1/24 \\\r\n\t\tinterface=ether2\r\n");
        assertThat(value(c, "interface")).isEqualTo("ether2");
    }

    @Test
    void mixedLineEndingsCountLinesRight() {
        ParsedScript s = read("/a add x=1\r\n/b add x=2\n/c add x=3\r\n");
        assertThat(s.commands()).extracting(c -> c.location().line()).containsExactly(1, 2, 3);
    }

    @Test
    void findSelectors() {
        Command c = only("/interface ethernet set [ find where default-name=ether1 ] name=wan\n");
        Arg.Selector sel = (Arg.Selector) c.positionals().get(0);
        assertThat(sel.conditions()).containsExactly(new Arg.Condition("default-name", "=", "ether1"));
        Command neg = only("/interface bridge port print where !hw=yes\n");
        assertThat(neg.verb()).isEqualTo("print");
    }

    @Test
    void scriptingIsParsedButNeverExecuted() {
        ParsedScript s = read(":local srv 192.168.88.10\n:global x;\n:if ($a = 1) do={ /ip firewall nat add chain=dstnat }\n"
                + ":foreach i in=[/interface find] do={ :put $i }\n:do { /ip address add address=10.9.9.1/24 interface=ether5 } on-error={}\n");
        assertThat(s.syntaxFindings()).isEmpty();
        assertThat(s.commands()).filteredOn(c -> c.menu().equals("/ip firewall nat")).singleElement()
                .matches(Command::conditional);
        RouterConfig m = ConfigBuilder.build(s);
        assertThat(m.natRules()).isEmpty();
        // :do runs its body unconditionally
        assertThat(m.addresses()).hasSize(1);
    }

    @Test
    void literalVariablesResolveInTheirBlock() {
        RouterConfig m = model("{\n    :local srv 192.168.88.10\n    /ip firewall nat add chain=dstnat action=dst-nat to-addresses=$srv\n}\n");
        assertThat(m.natRules().get(0).get("to-addresses")).contains("192.168.88.10");
    }

    @Test
    void pastedPromptBeforeTheHeader() {
        ParsedScript s = read("[admin@MikroTik] > /export\n# jan/02/1970 by RouterOS 6.40.8\n/ip address add address=10.0.0.1/24 interface=ether1\n");
        assertThat(s.syntaxFindings()).isEmpty();
        assertThat(s.commands()).hasSize(1);
    }

    // ---- malformed input ---------------------------------------------------------------------------

    @Test
    void unclosedQuoteIsLocatedAndTheRestSurvives() {
        ParsedScript s = read("/ip firewall nat\nadd chain=srcnat comment=\"broken action=masquerade\n"
                + "add chain=dstnat action=dst-nat comment=\"ok\" to-addresses=10.0.0.2\n");
        assertThat(s.syntaxFindings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("syntax");
            assertThat(f.location().line()).isEqualTo(2);
            assertThat(f.location().column()).isEqualTo(26);
            assertThat(f.message()).contains("unclosed quote");
        });
        List<FirewallRule> rules = ConfigBuilder.build(s).natRules();
        assertThat(rules).singleElement().satisfies(r -> assertThat(r.comment()).isEqualTo("ok"));
    }

    @Test
    void continuationAtEndOfFile() {
        ParsedScript s = read("/ip address add address=10.0.0.1/24 interface=ether1\n/ip firewall nat add chain=srcnat \\");
        assertThat(s.syntaxFindings()).extracting(Finding::message).containsExactly("continuation backslash at end of file");
        assertThat(s.syntaxFindings().get(0).location().line()).isEqualTo(2);
        assertThat(ConfigBuilder.build(s).addresses()).hasSize(1);
    }

    @Test
    void strayClosingBracket() {
        ParsedScript s = read("/ip firewall nat add chain=srcnat ] action=masquerade\n/ip firewall nat add chain=dstnat\n");
        assertThat(s.syntaxFindings()).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo("unmatched ']'");
            assertThat(f.location().line()).isEqualTo(1);
            assertThat(f.location().column()).isEqualTo(35);
        });
        assertThat(ConfigBuilder.build(s).natRules()).extracting(FirewallRule::chain).containsExactly("dstnat");
    }

    @Test
    void unclosedBrace() {
        ParsedScript s = read("{\n/ip address add address=10.0.0.1/24 interface=ether1\n");
        assertThat(s.syntaxFindings()).extracting(Finding::message).containsExactly("'{' is never closed");
        assertThat(ConfigBuilder.build(s).addresses()).hasSize(1);
    }

    @Test
    void spacesAroundEquals() {
        ParsedScript s = read("/ip route add gateway = 1.1.1.1\n/ip route add gateway=2.2.2.2\n");
        assertThat(s.syntaxFindings()).singleElement().satisfies(f -> assertThat(f.location().line()).isEqualTo(1));
        assertThat(ConfigBuilder.build(s).routes()).extracting(r -> r.gateway()).containsExactly("2.2.2.2");
    }

    @Test
    void deepNestingNeitherOverflowsNorHangs() {
        String braces = "{".repeat(100_000) + "\n/ip address add address=10.0.0.1/24 interface=ether1\n";
        ParsedScript s = read(braces);
        assertThat(s.syntaxFindings()).isNotEmpty().allMatch(f -> f.ruleId().equals("syntax"));
        String brackets = ":put " + "[".repeat(100_000) + "\n";
        assertThat(read(brackets).syntaxFindings()).isNotEmpty();
    }

    @Test
    void nulBytesAndAHugeLine() {
        ParsedScript s = read("/ip address add comment=\"a\u0000b\" address=10.0.0.1/24 interface=ether1\n/x add y=" + "z".repeat(1_000_000) + "\n");
        assertThat(s.syntaxFindings()).isEmpty();
        assertThat(s.commands()).hasSize(2);
    }
}
