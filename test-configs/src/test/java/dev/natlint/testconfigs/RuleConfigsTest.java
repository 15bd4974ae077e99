package dev.natlint.testconfigs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.natlint.NatLint;
import dev.natlint.diag.Finding;
import dev.natlint.diag.Severity;
import dev.natlint.report.FileReport;
import dev.natlint.rule.Rule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every config under {@code test-configs/rules/<rule-id>/}: a config's findings must be exactly
 * the ones marked {@code # expect: <rule-id>} on their lines (good configs have none), and every fix
 * natlint prints must work: appended to the file, its finding is gone and no new error appears.
 */
class RuleConfigsTest {

    private static final Path ROOT = Path.of("rules");
    private static final Path ROLES = Path.of("roles");
    private static final Pattern EXPECT = Pattern.compile("#\\s*expect:\\s*([\\w\\-, ]+)$");
    private static final NatLint LINT = NatLint.builder().build();

    @TestFactory
    Stream<DynamicTest> everyConfig() throws IOException {
        List<Path> configs = configs();
        assertThat(configs).isNotEmpty();
        return configs.stream().map(p -> DynamicTest.dynamicTest(p.toString(), () -> check(p)));
    }

    @Test
    void everyRuleHasBadAndGoodConfigs() throws IOException {
        Set<String> dirs = new TreeSet<>();
        for (Path p : configs()) {
            dirs.add(p.getParent().getFileName() + "/" + p.getFileName().toString().substring(0, 4));
        }
        for (Rule r : NatLint.discoverRules()) {
            assertThat(dirs).as("configs for " + r.info().id()).contains(r.info().id() + "/bad-", r.info().id() + "/good");
        }
    }

    @Test
    void anEmptyNameIsReportedAsEmptyWithNoFix() throws IOException {
        Path config = ROOT.resolve("undefined-reference/bad-empty-names.rsc");
        FileReport report = LINT.checkText(config.toString(), Files.readString(config, StandardCharsets.UTF_8));
        String rest = " RouterOS keeps such a value (exports contain it) but does not document what it matches;"
                + " natlint reads this rule as if it never matched and offers no fix. Write the ";
        String end = "'s name, or remove the property if the rule should not depend on it.";
        assertThat(report.findings()).extracting(f -> f.location().line() + " " + f.message()).containsExactly(
                "13 out-interface-list=\"\" is empty: it names no interface list." + rest + "interface list" + end,
                "14 in-interface-list=\"\" is empty: it names no interface list." + rest + "interface list" + end,
                "15 src-address-list=\"\" is empty: it names no address list." + rest + "address list" + end,
                "16 in-interface=\"\" is empty: it names no interface." + rest + "interface" + end);
        assertThat(report.findings()).allMatch(f -> f.fix() == null);
    }

    /** The rules' configs, and those about WAN/LAN roles ({@code roles/}), which no one rule owns. */
    private static List<Path> configs() throws IOException {
        try (Stream<Path> s = Stream.concat(Files.walk(ROOT), Files.walk(ROLES))) {
            return s.filter(p -> p.toString().endsWith(".rsc")).sorted().toList();
        }
    }

    private static void check(Path config) throws IOException {
        String text = Files.readString(config, StandardCharsets.UTF_8);
        String rule = config.getParent().getFileName().toString();
        boolean bad = config.getFileName().toString().startsWith("bad-");
        FileReport report = LINT.checkText(config.toString(), text);

        Set<String> expected = expectations(text);
        Set<String> actual = new TreeSet<>();
        report.findings().forEach(f -> actual.add(key(f)));
        assertThat(actual).as("findings of %s:%n%s", config, render(report)).isEqualTo(expected);
        if (bad) {
            assertThat(expected).as("a bad config marks at least one %s finding", rule)
                    .anyMatch(k -> k.endsWith(" " + rule));
        }
        for (Finding f : report.findings()) {
            if (f.fix() != null) {
                roundTrip(config, text, report, f);
            } else {
                // an empty name has no safe fix: no list can be given an empty name, and removing the
                // matcher could open the rule to every interface
                boolean emptyName = f.ruleId().equals("undefined-reference") && f.message().contains(" is empty: it names no ") && f.message().contains("offers no fix");
                // a missing default route on a static uplink: the provider's gateway is nowhere in the script
                boolean noGateway = f.ruleId().equals("dstnat-no-route-back") && f.message().contains("natlint offers no fix");
                assertThat(f.ruleId().equals("syntax") || f.ruleId().equals("not-analysed") || f.severity() == Severity.INFO
                        || emptyName || noGateway)
                        .as("only syntax, not-analysed, info, empty-name and no-gateway findings come without a fix: %s", f)
                        .isTrue();
            }
        }
    }

    /** Appends the fix as a user would, then checks that it removed the finding and added no error. */
    private static void roundTrip(Path config, String text, FileReport before, Finding f) {
        String fixed = text + (text.endsWith("\n") ? "" : "\n") + f.fix().snippet() + "\n";
        FixSafety.assertImportable(f.fix().snippet());
        FixSafety.assertNoAccessWidened(config.toString(), text, fixed, f.fix().snippet());
        FileReport after = LINT.checkText(config.toString(), fixed);
        assertThat(after.findings()).as("after appending the fix of %s:%n%s%n%s", key(f), f.fix().snippet(), render(after))
                .noneMatch(g -> key(g).equals(key(f)));
        Set<String> errorsBefore = new TreeSet<>();
        before.findings().stream().filter(g -> g.severity() == Severity.ERROR).forEach(g -> errorsBefore.add(key(g)));
        List<String> newErrors = new ArrayList<>();
        after.findings().stream().filter(g -> g.severity() == Severity.ERROR && !errorsBefore.contains(key(g)))
                .forEach(g -> newErrors.add(g.location() + " " + g.message() + " [" + g.ruleId() + "]"));
        assertThat(newErrors).as("new errors after the fix of %s:%n%s", key(f), f.fix().snippet()).isEmpty();
    }

    private static Set<String> expectations(String text) {
        Set<String> out = new TreeSet<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = EXPECT.matcher(lines[i]);
            if (m.find()) {
                for (String id : m.group(1).split("[,\\s]+")) {
                    if (!id.isBlank()) {
                        out.add((i + 1) + " " + id.trim());
                    }
                }
            }
        }
        return out;
    }

    private static String key(Finding f) {
        return f.location().line() + " " + f.ruleId();
    }

    private static String render(FileReport r) {
        StringBuilder sb = new StringBuilder();
        for (Finding f : r.findings()) {
            sb.append("  ").append(f.location()).append(' ').append(f.severity().label()).append(' ')
                    .append(f.message()).append(" [").append(f.ruleId()).append("]\n");
            if (f.fix() != null) {
                sb.append("    fix: ").append(f.fix().snippet().replace("\n", "\n         ")).append('\n');
            }
        }
        return sb.toString();
    }
}
