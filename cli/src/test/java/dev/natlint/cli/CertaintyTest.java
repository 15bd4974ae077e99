package dev.natlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A verdict that rests on an assumption says so in every format: text under the finding, JSON and
 * SARIF as certainty and a list of assumptions with line and reason.
 */
class CertaintyTest {

    private static final Path TIME_DROP = Path.of("../test-configs/rules/hairpin-filtered/bad-time-drop.rsc");
    private static final Path EXACT_DROP = Path.of("../test-configs/rules/hairpin-filtered/bad-lan-to-lan-drop.rsc");
    private static final String REASON = "time=8h-17h,mon,tue,wed,thu,fri is not analysed; assumed to match";

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        Main.run(args, new PrintWriter(out), new PrintWriter(new StringWriter()));
        return out.toString();
    }

    @Test
    void textPrintsTheAssumptionUnderTheFinding() {
        assertThat(run("check", TIME_DROP.toString())).contains("[hairpin-filtered]\n    assumes: " + REASON + " (line 16)\n"
                + "    fix: ");
        assertThat(run("check", EXACT_DROP.toString())).doesNotContain("assumes:");
    }

    @Test
    void jsonCarriesCertaintyAndAssumptions() {
        assertThat(run("check", "--format", "json", TIME_DROP.toString()))
                .contains("\"certainty\": \"assumed\"")
                .containsPattern("\"assumptions\": \\[\\s*\\{\\s*\"line\": 16,\\s*\"reason\": \"" + REASON.replace("=", "=")
                        + "\",\\s*\"certainty\": \"assumed\"");
        assertThat(run("check", "--format", "json", EXACT_DROP.toString())).doesNotContain("certainty").doesNotContain("assumptions");
    }

    @Test
    void sarifCarriesThemInResultProperties() {
        String sarif = run("check", "--format", "sarif", TIME_DROP.toString());
        assertThat(sarif).containsPattern("\"properties\": \\{\\s*\"fix\": \\{[^}]*\\},\\s*\"certainty\": \"assumed\",\\s*"
                + "\"assumptions\": \\[\\s*\\{\\s*\"line\": 16,");
    }

    @Test
    void explainShowsTheAssumptionWithItsLine() {
        assertThat(run("explain", TIME_DROP.toString())).contains("assumption: " + REASON + " (line 16)");
    }
}
