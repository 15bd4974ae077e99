package dev.natlint.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.natlint.diag.Finding;
import dev.natlint.model.ConfigBuilder;
import dev.natlint.model.FirewallRule;
import dev.natlint.model.IpAddress;
import dev.natlint.model.RouterConfig;
import dev.natlint.net.Ipv4;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Error tolerance (issue 2): a line the parser cannot read becomes one located {@code syntax} finding,
 * and everything around it still reaches the model. Most cases sandwich the damage between two good
 * commands and check that both survive.
 */
class MalformedInputTest {

    private static final String BEFORE = "/ip address add address=10.0.0.1/24 interface=ether1\n";
    private static final String AFTER = "/ip address add address=10.0.0.2/24 interface=ether2\n";

    private static ParsedScript read(String text) {
        return RouterOsReader.read("bad.rsc", text);
    }

    private static List<String> addresses(ParsedScript s) {
        return ConfigBuilder.build(s).addresses().stream()
                .map(a -> Ipv4.format(a.address()) + "/" + a.prefixLength() + " " + a.iface()).toList();
    }

    /** The two good commands around the damage are both in the model. */
    private static void assertSurroundingsIntact(ParsedScript s) {
        assertThat(addresses(s)).containsExactly("10.0.0.1/24 ether1", "10.0.0.2/24 ether2");
    }

    private static Finding onlyFinding(ParsedScript s) {
        assertThat(s.syntaxFindings()).hasSize(1);
        Finding f = s.syntaxFindings().get(0);
        assertThat(f.ruleId()).isEqualTo("syntax");
        assertThat(f.location().file()).isEqualTo("bad.rsc");
        return f;
    }

    private static void assertAt(Finding f, int line, int column, String message) {
        assertThat(f.location().line()).as("line of %s", f).isEqualTo(line);
        assertThat(f.location().column()).as("column of %s", f).isEqualTo(column);
        assertThat(f.message()).isEqualTo(message);
    }

    // ---- quotes -------------------------------------------------------------------------------------

    @Test
    void unclosedQuoteIsLocatedAtTheQuoteAndTheRestSurvives() {
        ParsedScript s = read("/ip firewall nat\nadd chain=srcnat comment=\"broken action=masquerade\n"
                + "add chain=dstnat action=dst-nat comment=\"ok\" to-addresses=10.0.0.2\n");
        // column 26 is the opening quote of comment="broken
        assertAt(onlyFinding(s), 2, 26, "unclosed quote: the string starting here never ends");
        List<FirewallRule> rules = ConfigBuilder.build(s).natRules();
        assertThat(rules).singleElement().satisfies(r -> {
            assertThat(r.comment()).isEqualTo("ok");
            assertThat(r.location().line()).isEqualTo(3);
        });
    }

    @Test
    void unclosedQuoteOnTheLastLine() {
        ParsedScript s = read(BEFORE + AFTER + "/ip firewall nat add chain=dstnat comment=\"never closed");
        assertAt(onlyFinding(s), 3, 43, "unclosed quote: the string starting here never ends");
        assertSurroundingsIntact(s);
        assertThat(ConfigBuilder.build(s).natRules()).isEmpty();
    }

    @Test
    void unclosedQuoteInsideAContinuedCommand() {
        ParsedScript s = read(BEFORE + "/ip firewall nat add chain=dstnat \\\n    comment=\"never closed \\\n"
                + "    to-addresses=1.2.3.4\n" + AFTER);
        // the string is closed at the end of its line; the orphaned rest on line 4 is reported too
        assertThat(s.syntaxFindings()).extracting(f -> f.location().line(), f -> f.location().column(), Finding::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3, 13, "unclosed quote: the string starting here never ends"),
                        org.assertj.core.groups.Tuple.tuple(4, 5, "expected a command before 'to-addresses='"));
        assertSurroundingsIntact(s);
        assertThat(ConfigBuilder.build(s).natRules()).isEmpty();
    }

    // ---- continuation, brackets, braces -------------------------------------------------------------

    @Test
    void continuationAtEndOfFile() {
        ParsedScript s = read(BEFORE + AFTER + "/ip firewall nat add chain=srcnat \\");
        assertAt(onlyFinding(s), 3, 35, "continuation backslash at end of file");
        assertSurroundingsIntact(s);
        assertThat(ConfigBuilder.build(s).natRules()).isEmpty();
    }

    @Test
    void strayBackslashInTheMiddleOfALine() {
        ParsedScript s = read(BEFORE + "/ip address add address=10.0.0.3/24 interface=ether3 \\ comment=x\n" + AFTER);
        assertAt(onlyFinding(s), 2, 54, "stray backslash: a line continuation must end the line");
        assertSurroundingsIntact(s);
    }

    @Test
    void strayClosingBracket() {
        ParsedScript s = read(BEFORE + "/ip firewall nat add chain=srcnat ] action=masquerade\n/ip firewall nat add chain=dstnat\n" + AFTER);
        assertAt(onlyFinding(s), 2, 35, "unmatched ']'");
        assertThat(ConfigBuilder.build(s).natRules()).extracting(FirewallRule::chain).containsExactly("dstnat");
        assertSurroundingsIntact(s);
    }

    @Test
    void strayClosingBraceAndParenthesis() {
        ParsedScript s = read(BEFORE + "/ip address add address=10.0.0.3/24 interface=ether3 }\n"
                + "/ip address add address=10.0.0.4/24 interface=ether4 )\n" + AFTER);
        assertThat(s.syntaxFindings()).extracting(f -> f.location().line(), Finding::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, "unmatched '}'"),
                org.assertj.core.groups.Tuple.tuple(3, "unmatched ')'"));
        assertSurroundingsIntact(s);
    }

    @Test
    void unclosedBrace() {
        ParsedScript s = read(BEFORE + "{\n" + AFTER);
        assertAt(onlyFinding(s), 2, 1, "'{' is never closed");
        // the brace is dropped, so what followed it is read as top-level commands
        assertSurroundingsIntact(s);
    }

    @Test
    void anOpenExpressionEndsWithItsLineEvenAtTheEndOfTheFile() {
        // found by the fix-application fuzz target: "(" at the end of a file without a final line
        // break was "never closed", the same line with a line break was fine, so appending a fix
        // changed the findings of the original lines
        ParsedScript withBreak = read(BEFORE + ":put (1\n");
        ParsedScript atEnd = read(BEFORE + ":put (1");
        assertThat(withBreak.syntaxFindings()).isEmpty();
        assertThat(atEnd.syntaxFindings()).isEqualTo(withBreak.syntaxFindings());
        assertThat(atEnd.commands()).hasSameSizeAs(withBreak.commands());
    }

    @Test
    void unclosedBracketInAValue() {
        ParsedScript s = read(BEFORE + "/ip address add address=10.0.0.3/24 comment=[find\n" + AFTER);
        assertAt(onlyFinding(s), 2, 45, "'[' is never closed");
        assertSurroundingsIntact(s);
    }

    @Test
    void spacesAroundEquals() {
        ParsedScript s = read("/ip route add gateway = 1.1.1.1\n/ip route add gateway=2.2.2.2\n");
        assertAt(onlyFinding(s), 1, 23, "unexpected '=': no spaces are allowed around '=' in name=value");
        assertThat(ConfigBuilder.build(s).routes()).extracting(r -> r.gateway()).containsExactly("2.2.2.2");
        ParsedScript left = read("/ip route add gateway =1.1.1.1\n/ip route add gateway=2.2.2.2\n");
        assertAt(onlyFinding(left), 1, 23, "unexpected '=': no spaces are allowed around '=' in name=value");
    }

    @Test
    void propertyWithoutACommand() {
        ParsedScript s = read(BEFORE + "to-addresses=1.2.3.4 chain=dstnat\n" + AFTER);
        assertAt(onlyFinding(s), 2, 1, "expected a command before 'to-addresses='");
        assertSurroundingsIntact(s);
    }

    // ---- hostile input ------------------------------------------------------------------------------

    @Test
    void hundredThousandNestedBracesGiveOneFindingQuickly() {
        for (String open : List.of("{", "[", "(", "{[")) {
            String text = BEFORE + ":put " + open.repeat(100_000 / open.length()) + "\n" + AFTER;
            // preemptive: a separate thread with the default (small) stack, and no waiting on a hang
            ParsedScript s = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> read(text));
            // the first 100 levels are read, the 101st is where reading stops
            assertAt(onlyFinding(s), 2, 6 + 100, "nesting deeper than 100 levels is not read");
            assertSurroundingsIntact(s);
        }
    }

    @Test
    void hundredThousandStrayClosersGiveOneFinding() {
        for (String close : List.of("}", "]", ")")) {
            String text = BEFORE + close.repeat(100_000) + "\n" + AFTER;
            ParsedScript s = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> read(text));
            assertAt(onlyFinding(s), 2, 1, "unmatched '" + close + "'");
            assertSurroundingsIntact(s);
        }
    }


    @Test
    void eightyThousandUnclosedBracketsEachFollowedByAStrayBraceGiveOneFindingPerLine() {
        // every '}' looks for its '{' below all the '[' still open; the search is what once made this
        // shape quadratic (see fuzz/README.md for the timings)
        int n = 80_000;
        StringBuilder text = new StringBuilder(BEFORE);
        for (int i = 0; i < n; i++) {
            text.append("/ip firewall nat add chain=dstnat to-addresses=[find }\n");
        }
        text.append(":put [:len \"abc\"]\n").append(AFTER);
        ParsedScript s = read(text.toString());
        List<Finding> findings = s.syntaxFindings();
        assertThat(findings).hasSize(n);
        for (int i = 0; i < n; i++) {
            int line = i + 2;
            // the 101st open '[' is too deep: that line's first problem; on every other line the '}'
            if (i == RouterOsReader.MAX_DEPTH) {
                assertAt(findings.get(i), line, 48, "nesting deeper than 100 levels is not read");
            } else {
                assertAt(findings.get(i), line, 54, "unmatched '}'");
            }
        }
        // the balanced line after them is read (its ']' closes its own '[', not one of the open ones)
        assertThat(s.commands()).anyMatch(c -> c.location().line() == n + 2);
        assertSurroundingsIntact(s);
    }
    @Test
    void deeplyNestedButBalancedBlocks() {
        String text = BEFORE + "{".repeat(100_000) + "\n" + "}".repeat(100_000) + "\n" + AFTER;
        ParsedScript s = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> read(text));
        // one finding on the opening line; the closers of the flattened levels are dropped with them
        assertAt(onlyFinding(s), 2, 101, "nesting deeper than 100 levels is not read");
        assertSurroundingsIntact(s);
    }

    @Test
    void nulByteOutsideAStringIsReportedAndDoesNotBecomeAMenu() {
        // without the check, the NUL alone on line 2 became a sub-menu and the add went to "/ip address \0"
        ParsedScript s = read("/ip address\n\u0000\nadd address=10.0.0.1/24 interface=ether1\n"
                + "add address=10.0.0.3/24\u0000 interface=ether3\n" + AFTER);
        assertThat(s.syntaxFindings()).extracting(f -> f.location().line(), f -> f.location().column(), Finding::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, 1, "unexpected control character U+0000 outside a quoted string"),
                        org.assertj.core.groups.Tuple.tuple(4, 24, "unexpected control character U+0000 outside a quoted string"));
        assertThat(s.commands()).filteredOn(c -> c.location().line() == 3).singleElement()
                .satisfies(c -> assertThat(c.menu()).isEqualTo("/ip address"));
        assertSurroundingsIntact(s);
    }

    @Test
    void nulByteInsideAStringIsKept() {
        ParsedScript s = read(BEFORE + "/ip address add comment=\"a\u0000b\" address=10.0.0.3/24 interface=ether3\n" + AFTER);
        assertThat(s.syntaxFindings()).isEmpty();
        assertThat(s.commands().get(1).property("comment").orElseThrow().value().text()).isEqualTo("a\u0000b");
        assertThat(addresses(s)).hasSize(3);
    }

    @Test
    void mixedLineEndsWithADamagedLine() {
        ParsedScript s = read("/ip address add address=10.0.0.1/24 interface=ether1\r\n"
                + "/ip address add address=10.0.0.3/24 ] interface=ether3\n"
                + "\r\n"
                + "/ip address add address=10.0.0.2/24 interface=ether2\n");
        assertAt(onlyFinding(s), 2, 37, "unmatched ']'");
        assertSurroundingsIntact(s);
        assertThat(ConfigBuilder.build(s).addresses()).extracting(a -> a.location().line()).containsExactly(1, 4);
    }

    @Test
    void oneMegabyteLine() {
        String big = "x".repeat(1_000_000);
        ParsedScript s = assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
                read(BEFORE + "/ip address add address=10.0.0.3/24 interface=ether3 comment=" + big + "\n" + AFTER));
        assertThat(s.syntaxFindings()).isEmpty();
        RouterConfig m = ConfigBuilder.build(s);
        assertThat(m.addresses()).extracting(IpAddress::iface).containsExactly("ether1", "ether3", "ether2");
        assertThat(s.commands().get(1).property("comment").orElseThrow().value().text()).hasSize(1_000_000);
    }

    @Test
    void oneMegabyteOfGarbageOnOneLine() {
        String garbage = "\"[{]}=\\".repeat(150_000);
        ParsedScript s = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> read(BEFORE + garbage + "\n" + AFTER));
        assertThat(s.syntaxFindings()).isNotEmpty().allSatisfy(f -> assertThat(f.ruleId()).isEqualTo("syntax"));
        assertSurroundingsIntact(s);
    }
}
