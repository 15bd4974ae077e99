package dev.natlint.testconfigs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.natlint.NatLint;
import dev.natlint.diag.Finding;
import dev.natlint.fix.CombinedFix;
import dev.natlint.report.FileReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code natlint fix}: every fix of a file as one script (issue 15). For every test config and scenario
 * the script must remove every finding that has a fix, add none, be importable, and let no internet
 * client in that a forward's own matchers kept out.
 */
class CombinedFixTest {

    private static final NatLint LINT = NatLint.builder().build();

    @TestFactory
    Stream<DynamicTest> everyConfigsCombinedFixIsProven() throws IOException {
        List<Path> configs;
        try (Stream<Path> s = Stream.concat(Files.walk(Path.of("rules")), Files.walk(Path.of("scenarios")))) {
            configs = s.filter(p -> p.toString().endsWith(".rsc")).sorted().toList();
        }
        assertThat(configs).isNotEmpty();
        return configs.stream().map(p -> DynamicTest.dynamicTest(p.toString(), () -> check(p)));
    }

    private static void check(Path config) throws IOException {
        String text = Files.readString(config, StandardCharsets.UTF_8);
        CombinedFix fix = CombinedFix.of(LINT, config.toString(), text);
        assertThat(fix.remaining()).as("still found with the combined fix of %s:%n%s", config, fix.script()).isEmpty();
        assertThat(fix.introduced()).as("new with the combined fix of %s:%n%s", config, fix.script()).isEmpty();
        FileReport report = LINT.checkText(config.toString(), text);
        long withFix = report.findings().stream().filter(f -> f.fix() != null).count();
        assertThat(fix.fixed()).hasSize((int) withFix);
        assertThat(fix.empty()).isEqualTo(withFix == 0);
        if (!fix.empty()) {
            FixSafety.assertImportable(fix.script());
            String fixed = text + (text.endsWith("\n") ? "" : "\n") + fix.script() + "\n";
            FixSafety.assertNoAccessWidened(config.toString(), text, fixed, fix.script());
            // independently of CombinedFix's own bookkeeping: nothing with a fix is left
            FileReport after = LINT.checkText(config.toString(), fixed);
            assertThat(after.findings()).as("after the combined fix of %s:%n%s", config, fix.script())
                    .allMatch(f -> f.fix() == null && report.findings().stream().anyMatch(b -> same(b, f)));
        }
    }

    private static boolean same(Finding a, Finding b) {
        return a.location().line() == b.location().line() && a.ruleId().equals(b.ruleId());
    }

    /**
     * The known bad case: a defconf router with DHCP WAN, two forwards with in-interface-list=WAN to a NAS
     * and a "no IoT to LAN" drop. Rewriting the forwards lets IoT clients reach the NAS, where the drop
     * stops them; the fixes used to leave that as a new error once appended. Now every printed fix
     * appended, and the combined script, leave no finding.
     */
    @Test
    void theDefconfNasRouterIsFixedByItsPrintedFixesAndByTheCombinedOne() throws IOException {
        Path config = Path.of("rules/dstnat-unreachable-from-lan/bad-defconf-nas-two-forwards.rsc");
        String text = Files.readString(config, StandardCharsets.UTF_8);
        FileReport report = LINT.checkText(config.toString(), text);
        assertThat(report.findings()).hasSize(2);
        StringBuilder singles = new StringBuilder(text);
        report.findings().forEach(f -> singles.append(f.fix().snippet()).append('\n'));
        assertThat(LINT.checkText(config.toString(), singles.toString()).findings()).isEmpty();
        CombinedFix fix = CombinedFix.of(LINT, config.toString(), text);
        assertThat(fix.proven()).as(fix.render(config.toString())).isTrue();
        assertThat(fix.script()).contains("place-before=[find where comment=\"no IoT to LAN\"]");
        assertThat(LINT.checkText(config.toString(), text + fix.script() + "\n").findings()).isEmpty();
    }
}
