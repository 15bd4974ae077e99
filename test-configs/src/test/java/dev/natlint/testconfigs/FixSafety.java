package dev.natlint.testconfigs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.natlint.flow.Flow;
import dev.natlint.flow.FlowAnalyzer;
import dev.natlint.flow.RuleMatcher;
import dev.natlint.flow.Stage;
import dev.natlint.flow.packet.Field;
import dev.natlint.net.IntervalSet;
import dev.natlint.flow.packet.PacketBox;
import dev.natlint.flow.packet.PacketSet;
import dev.natlint.model.FirewallRule;
import dev.natlint.rule.RuleContext;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What every fix natlint prints must satisfy besides removing its finding (issue 15): it works when
 * imported (no print numbers, one command with its full menu path per line, a comment on everything it
 * adds), and it never lets internet clients in that the forward's author kept out.
 */
final class FixSafety {

    /** A print number where an item is selected or placed: {@code set 3}, {@code place-before=2}. */
    private static final Pattern NUMBER_SELECTOR = Pattern.compile(
            "(^|\\s)(set|move|enable|disable|remove)\\s+\\d|(place-before|destination|numbers)=\\d");
    /** Unsetting a source restriction: who may use a forward. */
    private static final Pattern SOURCE_UNSET = Pattern.compile("(^|\\s)!src-address(-list|-type)?(\\s|$)");
    /** The forward's matchers that say who may use it. */
    private static final Set<String> WHO = Set.of("src-address", "src-address-list", "src-address-type", "in-interface",
            "in-interface-list");

    private FixSafety() {
    }

    static void assertImportable(String snippet) {
        for (String line : snippet.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            assertThat(line).as("a fix command starts with its full menu path").startsWith("/");
            assertThat(NUMBER_SELECTOR.matcher(line).find()).as("print numbers do not work imported: %s", line).isFalse();
            assertThat(SOURCE_UNSET.matcher(line).find()).as("a fix never removes a source restriction: %s", line).isFalse();
            if (line.contains(" add ") && !line.startsWith("/interface list add")) {
                assertThat(line).as("what a fix adds carries a natlint comment, so later fixes find it")
                        .containsPattern("comment=\"?natlint:");
            }
        }
    }

    /**
     * After the fix, every internet client that reaches a server through a forward was admitted by that
     * forward's own source and interface matchers before the fix; a forward the fix adds admits none.
     */
    static void assertNoAccessWidened(String file, String text, String fixed, String snippet) {
        RuleContext before = RuleContext.of(file, text);
        RuleContext after = RuleContext.of(file, fixed);
        FlowAnalyzer an = before.analyzer();
        Map<Integer, FirewallRule> forwards = new HashMap<>();
        an.forwards().forEach(fw -> forwards.put(fw.line(), fw.rule()));
        for (Flow g : after.allFlows()) {
            if (!g.works() || !g.source().internet()) {
                continue;
            }
            FirewallRule orig = forwards.get(g.forward().line());
            assertThat(orig).as("the fix adds a forward internet clients can use (line %d):%n%s", g.forward().line(), snippet)
                    .isNotNull();
            Map<String, String> who = new LinkedHashMap<>();
            orig.properties().forEach((k, v) -> {
                if (WHO.contains(k)) {
                    who.put(k, v);
                }
            });
            FirewallRule only = new FirewallRule(orig.table(), orig.position(), orig.chain(), "accept", who, false, null,
                    orig.location());
            PacketSet admitted = an.matcher().match(only, Stage.DSTNAT, new RuleMatcher.ConnState(false, false)).packets();
            IntervalSet admittedFrom = admitted.intersect(PacketBox.all(an.space().universe())
                    .with(Field.IN_INTERFACE, an.space().iface(g.source().iface()))).project(Field.SRC_ADDRESS);
            IntervalSet now = g.packets().project(Field.SRC_ADDRESS);
            assertThat(now.subtract(admittedFrom).isEmpty())
                    .as("internet clients %s reach the forward at line %d after the fix, but its own matchers %s did not admit"
                            + " them:%n%s", now.subtract(admittedFrom), g.forward().line(), who, snippet).isTrue();
        }
    }
}
