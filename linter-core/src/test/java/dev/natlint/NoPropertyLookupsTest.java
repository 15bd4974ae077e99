package dev.natlint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The flow analysis and the rules decide from the typed policy layer ({@code dev.natlint.policy}), never
 * from a firewall rule's property strings: no {@code .get("...")}, {@code .has("...")} or
 * {@code .properties()} in {@code dev.natlint.flow} or the rules module. The few uses that are no
 * firewall-rule lookup, or that write a fix from the rule's written form, are listed with the reason.
 */
class NoPropertyLookupsTest {

    private static final Pattern LOOKUP = Pattern.compile("\\.(get|has)\\(\"|\\.properties\\(\\)");

    /** File name -> the exact text of an allowed line (trimmed), with why it is allowed. */
    private static final Map<String, Map<String, String>> ALLOWED = Map.of(
            "UndefinedReferenceRule.java", Map.of("String list = m.get(\"list\").orElse(null);",
                    "an /interface list member item, not a firewall rule"),
            "Selectors.java", Map.of("r.properties().keySet().stream().filter(k -> !keys.contains(k)).forEach(keys::add);",
                    "a fix writer: [find where ...] selects the rule by what it was written with"));

    @Test
    void flowAndRulesReadNoPropertyStrings() throws IOException {
        List<String> found = new ArrayList<>();
        int scanned = 0;
        for (Path root : List.of(Path.of("src/main/java/dev/natlint/flow"), Path.of("../rules/src/main/java"))) {
            assertThat(root).isDirectory();
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    scanned++;
                    List<String> lines = Files.readAllLines(f);
                    Map<String, String> allowed = ALLOWED.getOrDefault(f.getFileName().toString(), Map.of());
                    for (int i = 0; i < lines.size(); i++) {
                        Matcher m = LOOKUP.matcher(lines.get(i));
                        if (m.find() && !allowed.containsKey(lines.get(i).trim())) {
                            found.add(f + ":" + (i + 1) + ": " + lines.get(i).trim());
                        }
                    }
                }
            }
        }
        assertThat(scanned).as("files scanned").isGreaterThan(20);
        assertThat(found).isEmpty();
    }

    /** The scan itself: it must see the lookups it is meant to forbid. */
    @Test
    void theScanFindsLookups() {
        assertThat(LOOKUP.matcher("String to = r.get(\"to-addresses\").orElse(\"?\");").find()).isTrue();
        assertThat(LOOKUP.matcher("if (r.has(\"dst-address\")) {").find()).isTrue();
        assertThat(LOOKUP.matcher("r.properties().keySet()").find()).isTrue();
        assertThat(LOOKUP.matcher("rules.get(i).action()").find()).isFalse();
    }
}
