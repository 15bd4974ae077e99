package dev.natlint.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
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
}
