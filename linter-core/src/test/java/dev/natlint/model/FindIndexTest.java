package dev.natlint.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.natlint.parse.Arg;
import dev.natlint.parse.RouterOsReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Find.Index} selects exactly what {@link Find#select} selects over the same rules. */
class FindIndexTest {

    private static final String[] PROPERTIES = {"chain", "action", "dst-port", "protocol", "disabled", "comment",
        "to-addresses", "log"};
    private static final String[] VALUES = {"dstnat", "srcnat", "dst-nat", "masquerade", "443", "80", "tcp", "udp",
        "yes", "no", "true", "false", "a", "b", "192.168.1.2", "", "\u0000yes"};

    @Test
    void everySelectionMatchesAPlainScanOfTheRules() {
        Random r = new Random(16);
        StringBuilder script = new StringBuilder("/ip firewall nat\n");
        for (int i = 0; i < 400; i++) {
            script.append("add");
            for (String p : PROPERTIES) {
                if (r.nextInt(3) > 0) {
                    String v = VALUES[r.nextInt(VALUES.length)];
                    script.append(' ').append(p).append("=\"").append(v.replace("\u0000", "")).append('"');
                }
            }
            script.append('\n');
        }
        List<FirewallRule> rules = ConfigBuilder.build(RouterOsReader.read("t.rsc", script.toString())).natRules();
        assertThat(rules).hasSize(400);
        Find.Index index = new Find.Index(rules);
        int nonEmpty = 0;
        for (int q = 0; q < 3_000; q++) {
            List<Arg.Condition> conditions = new ArrayList<>();
            for (int k = r.nextInt(4); k >= 0; k--) {
                String op = r.nextInt(5) == 0 ? "!=" : "=";
                conditions.add(new Arg.Condition(PROPERTIES[r.nextInt(PROPERTIES.length)], op,
                        VALUES[r.nextInt(VALUES.length)]));
            }
            List<FirewallRule> expected = Find.select(rules, conditions);
            // asked twice: the second answer comes from the index's memory
            assertThat(index.select(conditions)).as("%s", conditions).containsExactlyElementsOf(expected);
            assertThat(index.select(List.copyOf(conditions))).containsExactlyElementsOf(expected);
            if (!expected.isEmpty()) {
                nonEmpty++;
            }
        }
        // the queries are not all empty: the comparison means something
        assertThat(nonEmpty).isGreaterThan(500);
    }
}
