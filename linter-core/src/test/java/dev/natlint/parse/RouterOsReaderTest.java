package dev.natlint.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.natlint.model.ConfigBuilder;
import dev.natlint.model.RouterConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One test per syntax feature of issue 2 (reference section 1), on small inline scripts. Malformed
 * input is in {@link MalformedInputTest}, string escapes in {@link EscapesTest}.
 */
class RouterOsReaderTest {

    static ParsedScript read(String text) {
        return RouterOsReader.read("t.rsc", text);
    }

    static RouterConfig model(String text) {
        return ConfigBuilder.build(read(text));
    }

    private static Command only(String text) {
        ParsedScript s = read(text);
        assertThat(s.syntaxFindings()).isEmpty();
        assertThat(s.commands()).hasSize(1);
        return s.commands().get(0);
    }

    private static String value(Command c, String name) {
        return c.property(name).orElseThrow().value().text();
    }

    private static List<String> positionalTexts(Command c) {
        return c.positionals().stream().map(a -> ((Arg.Positional) a).value().text()).toList();
    }

    // ---- header and comments ---------------------------------------------------------------------

    @Test
    void headerAndCommentsAreNotCommands() {
        ParsedScript s = read("# 2025-03-14 09:12:40 by RouterOS 7.18.2\n# software id = AB12\n#\n/ip firewall nat\nadd chain=srcnat\n");
        assertThat(s.commands()).hasSize(1);
        assertThat(s.routerOsVersion()).contains("7.18.2");
        assertThat(s.commentsByLine()).containsKeys(1, 2, 3);
        assertThat(s.commentsByLine().get(2)).isEqualTo(" software id = AB12");
    }

    @Test
    void v6HeaderDateFormat() {
        ParsedScript s = read("# jan/02/1970 00:14:07 by RouterOS 6.40.8\n# software id = QX7Z-1A2B\n#\n"
                + "# model = RouterBOARD 750G r3\n/ip address\nadd address=10.0.0.1/24 interface=ether1\n");
        assertThat(s.routerOsVersion()).contains("6.40.8");
        assertThat(s.commentsByLine()).containsOnlyKeys(1, 2, 3, 4);
        assertThat(s.commands()).singleElement().satisfies(c -> assertThat(c.location().line()).isEqualTo(6));
    }

    @Test
    void trailingCommentBelongsToItsCommandAndIndentedCommentIsACommentLine() {
        ParsedScript s = read("/ip address add address=10.0.0.1/24 interface=ether1 # note\n    # indented\n");
        // only whole-line comments are comment lines (suppressions are written on their own line)
        assertThat(s.commentsByLine()).containsOnlyKeys(2);
        assertThat(s.commands()).singleElement().satisfies(c -> assertThat(c.args()).hasSize(2));
    }

    @Test
    void aCommentNeverContinuesOntoTheNextLine() {
        // reference 1.1 step 4: a backslash does not continue a comment
        ParsedScript s = read("# ends in a backslash \\\n/ip address add address=10.0.0.1/24 interface=ether1\n");
        assertThat(s.syntaxFindings()).isEmpty();
        assertThat(s.commands()).singleElement().satisfies(c -> assertThat(c.location().line()).isEqualTo(2));
    }

    @Test
    void menuLinePersistsAcrossComments() {
        ParsedScript s = read("/ip firewall nat\n# a comment\nadd chain=srcnat\nadd chain=dstnat\n");
        assertThat(s.commands()).extracting(Command::menu).containsOnly("/ip firewall nat");
    }

    // ---- menu paths ---------------------------------------------------------------------------------

    @Test
    void slashFormWithVerbGluedOn() {
        Command c = only("/ip/firewall/nat/add chain=dstnat action=dst-nat\n");
        assertThat(c.path()).containsExactly("ip", "firewall", "nat");
        assertThat(c.verb()).isEqualTo("add");
    }

    @Test
    void slashFormMenuLine() {
        ParsedScript s = read("/ip/firewall/nat\nadd chain=srcnat action=masquerade\n");
        assertThat(s.commands()).singleElement().satisfies(c -> {
            assertThat(c.menu()).isEqualTo("/ip firewall nat");
            assertThat(c.verb()).isEqualTo("add");
        });
    }

    @Test
    void terseLineDoesNotChangeTheCurrentMenu() {
        ParsedScript s = read("/ip address\n/ip firewall nat add chain=srcnat\nadd address=1.2.3.4/24 interface=ether1\n");
        assertThat(s.commands()).extracting(Command::menu).containsExactly("/ip firewall nat", "/ip address");
    }

    @Test
    void relativeMenuLinesParentAndRoot() {
        ParsedScript s = read("/ip firewall\nnat\nadd chain=srcnat\n..\nfilter add chain=input\n/\n"
                + "ip address add address=10.0.0.1/24 interface=ether1\n");
        assertThat(s.commands()).extracting(Command::menu, Command::verb).containsExactly(
                tuple("/ip firewall nat", "add"), tuple("/ip firewall filter", "add"), tuple("/ip address", "add"));
    }

    @Test
    void relativePathsInsideBlocks() {
        ParsedScript s = read("/ip dns { set allow-remote-requests=yes; static add name=nas.lan address=192.168.88.10 }\n"
                + "/ip firewall { filter add chain=input action=accept }\n");
        assertThat(s.commands()).extracting(Command::menu, Command::verb).containsExactly(
                tuple("/ip dns", "set"), tuple("/ip dns static", "add"), tuple("/ip firewall filter", "add"));
        RouterConfig m = ConfigBuilder.build(s);
        assertThat(m.dnsStatic()).extracting(d -> d.name()).containsExactly("nas.lan");
        assertThat(m.dnsAllowRemoteRequests()).isTrue();
    }

    // ---- commands -----------------------------------------------------------------------------------

    @Test
    void everyEditingVerbAndReadOnlyOnes() {
        ParsedScript s = read("/ip firewall nat\nadd chain=a\nset 0 comment=x\ndisable 0\nenable 0\nmove 0 1\n"
                + "remove [find]\nprint\nexport\n");
        assertThat(s.syntaxFindings()).isEmpty();
        assertThat(s.commands()).extracting(Command::verb)
                .containsExactly("add", "set", "disable", "enable", "move", "remove", "print", "export");
        assertThat(positionalTexts(s.commands().get(4))).containsExactly("0", "1");
        assertThat(s.commands().get(5).positionals()).singleElement().isInstanceOf(Arg.Selector.class);
    }

    @Test
    void anyCommandWordIsKeptGenerically() {
        Command c = only("/system script run myscript\n");
        assertThat(c.verb()).isEqualTo("run");
        assertThat(positionalTexts(c)).containsExactly("myscript");
        // "fetch" is not a known verb: it is the verb because arguments follow it
        Command other = only("/tool fetch url=\"http://example.invalid/x\" mode=http\n");
        assertThat(other.menu()).isEqualTo("/tool");
        assertThat(other.verb()).isEqualTo("fetch");
        assertThat(value(other, "mode")).isEqualTo("http");
        Command reset = only("/system reset-configuration no-defaults=yes\n");
        assertThat(reset.verb()).isEqualTo("reset-configuration");
    }

    @Test
    void semicolonSeparatesCommandsAndColumnsAreWhereEachStarts() {
        ParsedScript s = read("/ip firewall nat; add chain=srcnat; add chain=dstnat\n");
        assertThat(s.commands()).extracting(Command::menu).containsOnly("/ip firewall nat");
        assertThat(s.commands()).extracting(c -> c.location().line(), c -> c.location().column())
                .containsExactly(tuple(1, 19), tuple(1, 37));
    }

    // ---- properties and values ----------------------------------------------------------------------

    @Test
    void bareFlagsDottedPropertiesNegationListsAndRanges() {
        Command c = only("/ip route add blackhole dst-address=10.0.0.0/8 .mode=ap in-interface-list=!LAN "
                + "dst-port=80,443,8000-8080 !keepalive\n");
        assertThat(positionalTexts(c)).containsExactly("blackhole", "!keepalive");
        assertThat(value(c, ".mode")).isEqualTo("ap");
        assertThat(value(c, "in-interface-list")).isEqualTo("!LAN");
        assertThat(value(c, "dst-port")).isEqualTo("80,443,8000-8080");
    }

    @Test
    void unquotedValuesKeepOperatorCharacters() {
        Command c = only("/x add configuration.mode=ap gateway=10.0.0.1%ether1 g2=1.1.1.1@main interface=sfp28-1<-PCSS "
                + "src-address=!192.168.88.0/24 dst-port=!53,443,853 mac=D4:01:C3:0A:13:9C\n");
        assertThat(value(c, "configuration.mode")).isEqualTo("ap");
        assertThat(value(c, "gateway")).isEqualTo("10.0.0.1%ether1");
        assertThat(value(c, "g2")).isEqualTo("1.1.1.1@main");
        assertThat(value(c, "interface")).isEqualTo("sfp28-1<-PCSS");
        assertThat(value(c, "src-address")).isEqualTo("!192.168.88.0/24");
        assertThat(value(c, "dst-port")).isEqualTo("!53,443,853");
        assertThat(value(c, "mac")).isEqualTo("D4:01:C3:0A:13:9C");
    }

    @Test
    void emptyValues() {
        Command c = only("/x add log-prefix=\"\" comment= name=a\n");
        assertThat(c.property("log-prefix").orElseThrow().value().kind()).isEqualTo(Value.Kind.STRING);
        assertThat(value(c, "log-prefix")).isEmpty();
        assertThat(c.property("comment").orElseThrow().value().kind()).isEqualTo(Value.Kind.EMPTY);
        assertThat(value(c, "name")).isEqualTo("a");
    }

    @Test
    void everyStringEscape() {
        Command c = only("/x add a=\"q\\\"b\\\\s\\n\\r\\t\\$\\?\\_E\\E2\\80\\93\"\n");
        assertThat(value(c, "a")).isEqualTo("q\"b\\s\n\r\t$? E\u2013");
        // the raw text is kept for messages and round trips
        assertThat(c.property("a").orElseThrow().value().raw()).startsWith("\"q\\\"b");
    }

    @Test
    void invalidUtf8BytesAreKeptLosslessly() {
        Command c = only("/x add comment=\"\\D0\\E0\\E7\"\n");
        assertThat(value(c, "comment")).isEqualTo("\u00D0\u00E0\u00E7");
    }

    // ---- continuations and line ends ----------------------------------------------------------------

    @Test
    void continuationsAreJoinedEvenInsideStrings() {
        Command c = only("/ip firewall nat\nadd action=dst-nat comment=\"NAS \\E2\\80\\\n    \\93 HTTPS\" dst-port=\\\n    443 chain=dstnat\n");
        assertThat(value(c, "comment")).isEqualTo("NAS \u2013 HTTPS");
        assertThat(value(c, "dst-port")).isEqualTo("443");
        assertThat(c.location().line()).isEqualTo(2);
    }

    @Test
    void continuationInTheMiddleOfAnUnquotedValue() {
        Command c = only("/ip address\nadd address=192.168.88.1/24 interface=bridge network=192.168.\\\n    88.0\n");
        assertThat(value(c, "network")).isEqualTo("192.168.88.0");
    }

    @Test
    void continuationBeforeAQuotedValue() {
        // real v6 export: "name=\" and the quoted name on the next line
        Command c = only("/interface ethernet\nset [ find default-name=ether1 ] comment=\"PM\" name=\\\n    \"ether1 - Tx\"\n");
        assertThat(value(c, "name")).isEqualTo("ether1 - Tx");
    }

    @Test
    void tabIndentedContinuationAndCrlf() {
        Command c = only("/ip address add address=10.0.0.1/24 \\\r\n\t\tinterface=ether2\r\n");
        assertThat(value(c, "interface")).isEqualTo("ether2");
    }

    @Test
    void crlfContinuationInsideAString() {
        Command c = only("/x add comment=\"pas\\\r\n    sword\"\r\n");
        assertThat(value(c, "comment")).isEqualTo("password");
    }

    @Test
    void mixedLineEndingsCountLinesRight() {
        ParsedScript s = read("/a add x=1\r\n/b add x=2\n/c add x=3\r\n\n/d add x=4\n");
        assertThat(s.commands()).extracting(c -> c.location().line()).containsExactly(1, 2, 3, 5);
    }

    @Test
    void aLoneCarriageReturnEndsACommand() {
        // RouterOS accepts CR alone as end of line (reference 1.1); line numbers of such files are an
        // open question (ANTLR counts LF only), so only the separation is asserted here
        ParsedScript s = read("/ip firewall nat\radd chain=dstnat\radd chain=srcnat\r");
        assertThat(s.syntaxFindings()).isEmpty();
        assertThat(s.commands()).extracting(Command::menu, c -> value(c, "chain"))
                .containsExactly(tuple("/ip firewall nat", "dstnat"), tuple("/ip firewall nat", "srcnat"));
    }

    // ---- selectors ----------------------------------------------------------------------------------

    @Test
    void findSelectors() {
        Command c = only("/interface ethernet set [ find where default-name=ether1 ] name=wan\n");
        Arg.Selector sel = (Arg.Selector) c.positionals().get(0);
        assertThat(sel.conditions()).containsExactly(new Arg.Condition("default-name", "=", "ether1"));
        assertThat(sel.raw()).isEqualTo("[ find where default-name=ether1 ]");
        Command neg = only("/interface bridge port print where !hw=yes\n");
        assertThat(neg.verb()).isEqualTo("print");
    }

    @Test
    void findSelectorOperators() {
        ParsedScript s = read("/interface ethernet\nset [ find where name~\"^ether[12]$\" ] comment=x\n"
                + "set [find default-name!=ether1] mtu=1400\nset [ find name=\"a b\" and disabled=no ] mtu=1\n"
                + "set [ find default=yes ] mtu=2\nremove [find]\n");
        assertThat(s.syntaxFindings()).isEmpty();
        assertThat(s.commands()).extracting(c -> ((Arg.Selector) c.positionals().get(0)).conditions()).containsExactly(
                List.of(new Arg.Condition("name", "~", "^ether[12]$")),
                List.of(new Arg.Condition("default-name", "!=", "ether1")),
                List.of(new Arg.Condition("name", "=", "a b"), new Arg.Condition("disabled", "=", "no")),
                List.of(new Arg.Condition("default", "=", "yes")),
                List.of());
    }

    // ---- scripting ----------------------------------------------------------------------------------

    @Test
    void scriptingIsParsedButNeverExecuted() {
        ParsedScript s = read(":local srv 192.168.88.10\n:global x;\n:if ($a = 1) do={ /ip firewall nat add chain=dstnat }\n"
                + ":foreach i in=[/interface find] do={ :put $i }\n:do { /ip address add address=10.9.9.1/24 interface=ether5 } on-error={}\n");
        assertThat(s.syntaxFindings()).isEmpty();
        assertThat(s.commands()).filteredOn(c -> c.menu().equals("/ip firewall nat")).singleElement()
                .matches(Command::conditional);
        assertThat(s.commands()).filteredOn(Command::script).extracting(Command::verb)
                .containsExactly(":local", ":global", ":if", ":put", ":foreach", ":do");
        RouterConfig m = ConfigBuilder.build(s);
        assertThat(m.natRules()).isEmpty();
        // :do runs its body unconditionally
        assertThat(m.addresses()).hasSize(1);
    }

    @Test
    void everyLoopAndHandlerBodyIsConditional() {
        ParsedScript s = read(":for i from=1 to=3 do={ /ip route add gateway=10.0.0.1 }\n"
                + ":while (true) do={ /ip route add gateway=10.0.0.2 }\n"
                + ":if ($a) do={ /ip route add gateway=10.0.0.3 } else={ /ip route add gateway=10.0.0.4 }\n"
                + ":local f do={ /ip route add gateway=10.0.0.5 }\n"
                + "if (1=1) do={ /ip route add gateway=10.0.0.6 }\n"
                + ":do { /ip route add gateway=10.0.0.7 } while=(false)\n"
                + ":do { /ip route add gateway=10.0.0.8 } on-error={ /ip route add gateway=10.0.0.9 }\n"
                + ":onerror e in={ /ip route add gateway=10.0.1.1 } do={ /ip route add gateway=10.0.1.2 }\n"
                + ":onerror e { /ip route add gateway=10.0.1.3 } do={ /ip route add gateway=10.0.1.4 }\n");
        assertThat(s.syntaxFindings()).isEmpty();
        assertThat(s.commands()).filteredOn(c -> !c.script())
                .extracting(c -> value(c, "gateway"), Command::conditional).containsExactly(
                        tuple("10.0.0.1", true), tuple("10.0.0.2", true), tuple("10.0.0.3", true),
                        tuple("10.0.0.4", true), tuple("10.0.0.5", true), tuple("10.0.0.6", true),
                        // a do-while body runs at least once; error handlers only on error
                        tuple("10.0.0.7", false), tuple("10.0.0.8", false), tuple("10.0.0.9", true),
                        tuple("10.0.1.1", false), tuple("10.0.1.2", true),
                        tuple("10.0.1.3", false), tuple("10.0.1.4", true));
        assertThat(ConfigBuilder.build(s).routes()).extracting(r -> r.gateway())
                .containsExactly("10.0.0.7", "10.0.0.8", "10.0.1.1", "10.0.1.3");
    }

    @Test
    void scriptValuesOfConfigCommandsAreKeptAsSourceText() {
        Command c = only("/system script add name=s source={ /ip route add gateway=5.5.5.5 }\n");
        assertThat(c.property("source").orElseThrow().value().kind()).isEqualTo(Value.Kind.BLOCK);
        assertThat(value(c, "source")).isEqualTo("{ /ip route add gateway=5.5.5.5 }");
    }

    @Test
    void literalVariablesResolveInTheirBlock() {
        RouterConfig m = model("{\n    :local srv 192.168.88.10\n    /ip firewall nat add chain=dstnat action=dst-nat to-addresses=$srv\n}\n");
        assertThat(m.natRules().get(0).get("to-addresses")).contains("192.168.88.10");
    }

    @Test
    void unboundVariablesStayVariables() {
        Command c = only("/ip firewall nat add chain=dstnat to-addresses=$srv\n");
        Value v = c.property("to-addresses").orElseThrow().value();
        assertThat(v.kind()).isEqualTo(Value.Kind.VARIABLE);
        assertThat(v.isLiteral()).isFalse();
        assertThat(v.text()).isEqualTo("$srv");
    }

    @Test
    void setChangesTheVariableWhereItWasDeclared() {
        ParsedScript s = read(":local a 10.0.0.1\n{ :set a 10.0.0.2 }\n/ip route add gateway=$a\n"
                + "{ :local a 10.0.0.3; :set a 10.0.0.4 }\n/ip route add gateway=$a\n"
                + ":if ($x) do={ :set a 10.0.0.5 }\n/ip route add gateway=$a\n");
        assertThat(s.commands()).filteredOn(c -> !c.script()).extracting(c -> value(c, "gateway"))
                // the block's :set reaches the outer variable; a shadowing :local keeps it local;
                // after a :set that may or may not run, the value is unknown
                .containsExactly("10.0.0.2", "10.0.0.2", "$a");
    }

    @Test
    void globalDeclarationWithoutValueKeepsTheValue() {
        RouterConfig m = model(":global srv 10.0.0.5\n{\n  :global srv\n  /ip firewall nat add chain=dstnat action=dst-nat to-addresses=$srv\n}\n");
        assertThat(m.natRules()).singleElement().satisfies(r -> assertThat(r.get("to-addresses")).contains("10.0.0.5"));
    }

    @Test
    void aGlobalAssignedInABlockIsVisibleAfterIt() {
        ParsedScript s = read(":global g 10.0.0.1\n{ :global g; :set g 10.0.0.2 }\n/ip route add gateway=$g\n"
                + "{ :global g 10.0.0.3 }\n/ip route add gateway=$g\n");
        assertThat(s.commands()).filteredOn(c -> !c.script()).extracting(c -> value(c, "gateway"))
                .containsExactly("10.0.0.2", "10.0.0.3");
    }

    @Test
    void pastedPromptBeforeTheHeader() {
        ParsedScript s = read("[admin@MikroTik] > /export\n# jan/02/1970 by RouterOS 6.40.8\n/ip address add address=10.0.0.1/24 interface=ether1\n");
        assertThat(s.syntaxFindings()).isEmpty();
        assertThat(s.commands()).hasSize(1);
        assertThat(s.routerOsVersion()).contains("6.40.8");
        ParsedScript terse = read("[admin@gw.example] >   export terse\r\n/ip firewall nat add chain=srcnat action=masquerade\r\n");
        assertThat(terse.syntaxFindings()).isEmpty();
        assertThat(terse.commands()).singleElement().satisfies(c -> assertThat(c.location().line()).isEqualTo(2));
    }

    @Test
    void worksWithTheReferenceExampleA() {
        // reference 1.8 example A, parsed as a whole
        String text = """
                # 2025-03-14 09:12:40 by RouterOS 7.18.2
                # software id = AB12-CD34
                #
                # model = RB5009UG+S+
                # serial number = HE0000000001
                /interface bridge
                add admin-mac=48:A9:8A:00:00:01 auto-mac=no comment=defconf name=bridge
                /interface ethernet
                set [ find default-name=ether1 ] name=ether1-wan
                /interface vlan
                add interface=bridge name=vlan20-iot vlan-id=20
                /interface list
                add comment=defconf name=WAN
                add comment=defconf name=LAN
                /interface bridge port
                add bridge=bridge comment=defconf interface=ether2
                add bridge=bridge comment=defconf interface=ether3
                /interface list member
                add comment=defconf interface=bridge list=LAN
                add comment=defconf interface=ether1-wan list=WAN
                add interface=vlan20-iot list=LAN
                /ip address
                add address=192.168.88.1/24 comment=defconf interface=bridge network=\\
                    192.168.88.0
                add address=192.168.20.1/24 interface=vlan20-iot network=192.168.20.0
                /ip dhcp-client
                add comment=defconf interface=ether1-wan
                /ip firewall nat
                add action=masquerade chain=srcnat comment="defconf: masquerade" \\
                    ipsec-policy=out,none out-interface-list=WAN
                add action=dst-nat chain=dstnat comment="NAS \\E2\\80\\93 HTTPS" dst-port=443 \\
                    in-interface-list=WAN protocol=tcp to-addresses=192.168.88.10 \\
                    to-ports=443
                """;
        ParsedScript s = read(text);
        assertThat(s.syntaxFindings()).isEmpty();
        RouterConfig m = ConfigBuilder.build(s);
        assertThat(m.natRules()).hasSize(2);
        assertThat(m.natRules().get(1).comment()).isEqualTo("NAS \u2013 HTTPS");
        assertThat(m.natRules().get(1).get("to-ports")).contains("443");
        assertThat(m.natRules().get(1).location().line()).isEqualTo(31);
        assertThat(m.interfaceListMembers("LAN")).containsExactly("bridge", "vlan20-iot");
        assertThat(m.interfaceListMembers("WAN")).containsExactly("ether1-wan");
        assertThat(m.addresses()).extracting(a -> a.location().line()).containsExactly(23, 25);
    }
}
