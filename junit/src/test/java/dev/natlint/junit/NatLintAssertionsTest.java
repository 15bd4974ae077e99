package dev.natlint.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.natlint.NatLint;
import dev.natlint.diag.Finding;
import dev.natlint.diag.Severity;
import dev.natlint.rule.Rule;
import dev.natlint.rule.RuleContext;
import dev.natlint.rule.RuleInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

class NatLintAssertionsTest {

    private static final Path SCENARIOS = Path.of("../test-configs/scenarios");

    @Test
    void cleanScriptPasses() {
        NatLintAssertions.assertNoFindings(SCENARIOS.resolve("seed-hairpin-fixed.rsc"));
    }

    @Test
    void brokenScriptFailsWithFindingAndFix() {
        assertThatThrownBy(() -> NatLintAssertions.assertNoFindings(SCENARIOS.resolve("seed-hairpin-broken.rsc")))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("natlint found 1 problem in")
                .hasMessageContaining("seed-hairpin-broken.rsc:14:1: error: LAN client 192.168.1.10")
                .hasMessageContaining("[hairpin-missing-masquerade]")
                .hasMessageContaining("/ip firewall nat add action=masquerade");
    }

    @Test
    void factoryYieldsOneTestPerScript() throws Throwable {
        List<DynamicTest> tests = NatLintAssertions.scriptsUnder(SCENARIOS).toList();
        assertThat(tests).extracting(DynamicTest::getDisplayName)
                .allMatch(n -> n.endsWith(".rsc")).anyMatch(n -> n.endsWith("seed-hairpin-broken.rsc"));
        for (DynamicTest t : tests) {
            if (t.getDisplayName().endsWith("seed-hairpin-broken.rsc")) {
                assertThatThrownBy(() -> t.getExecutable().execute()).isInstanceOf(AssertionFailedError.class);
            } else {
                t.getExecutable().execute();
            }
        }
    }

    @Test
    void everyMethodUsesTheCommandLinesThreshold(@TempDir Path dir) throws Throwable {
        Path script = dir.resolve("r.rsc");
        // the seed config with its hairpin error demoted to a warning: no method fails on it by default
        Files.copy(SCENARIOS.resolve("seed-hairpin-broken.rsc"), script);
        Files.writeString(dir.resolve("natlint.toml"), "[severity]\nhairpin-missing-masquerade = \"warning\"\n");
        NatLintAssertions.assertNoFindings(script);
        for (DynamicTest t : NatLintAssertions.scriptsUnder(dir).toList()) {
            t.getExecutable().execute();
        }
        assertThatThrownBy(() -> NatLintAssertions.assertNoFindings(script, Severity.WARNING))
                .hasMessageContaining("warning: LAN client").hasMessageContaining("see rules/docs/hairpin-missing-masquerade.md");
        Files.writeString(dir.resolve("natlint.toml"), "fail-on = \"warning\"\n[severity]\nhairpin-missing-masquerade = \"warning\"\n");
        assertThatThrownBy(() -> NatLintAssertions.assertNoFindings(script)).isInstanceOf(AssertionFailedError.class);
        Files.writeString(dir.resolve("natlint.toml"), "fail_on = \"warning\"\n");
        assertThatThrownBy(() -> NatLintAssertions.assertNoFindings(script))
                .hasMessageStartingWith("natlint: " + dir.resolve("natlint.toml") + ":1: unknown key 'fail_on'");
    }

    @Test
    void emptyDirectoryFailsTheFactory(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "not a script");
        assertThatThrownBy(() -> NatLintAssertions.scriptsUnder(dir))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage("natlint: nothing to check: no script in " + dir + " (includes **/*.rsc; excludes none)");
    }

    @Test
    void failingStageIsReportedWithTheOtherFindings() {
        Rule exploding = new Rule() {
            @Override
            public RuleInfo info() {
                return new RuleInfo("test-exploding-stage", Severity.ERROR, "fails", "fails", "# fails\n");
            }

            @Override
            public List<Finding> check(RuleContext context) {
                throw new IllegalStateException("injected failure");
            }
        };
        List<Rule> rules = new ArrayList<>(NatLint.discoverRules());
        rules.add(exploding);
        NatLint natlint = NatLint.builder().rules(rules).build();
        assertThatThrownBy(() -> NatLintAssertions.assertNoFindings(SCENARIOS.resolve("seed-hairpin-broken.rsc"),
                Severity.ERROR, natlint))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("seed-hairpin-broken.rsc:1:1: error: natlint failed while rule"
                        + " test-exploding-stage (java.lang.IllegalStateException: injected failure)")
                .hasMessageContaining("[internal-error]")
                .hasMessageContaining("seed-hairpin-broken.rsc:14:1: error: LAN client 192.168.1.10");
    }

    @Test
    void assumedVerdictSaysSoInTheMessage() {
        assertThatThrownBy(() -> NatLintAssertions.assertNoFindings(
                Path.of("../test-configs/rules/hairpin-filtered/bad-time-drop.rsc")))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("[hairpin-filtered]\n    assumes: time=8h-17h,mon,tue,wed,thu,fri is not analysed;"
                        + " assumed to match (line 16)\n");
    }
}
