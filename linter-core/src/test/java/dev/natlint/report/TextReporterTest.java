package dev.natlint.report;

import static dev.natlint.report.Samples.finding;
import static org.assertj.core.api.Assertions.assertThat;

import dev.natlint.diag.Severity;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextReporterTest {

    private static final String RED = "\u001b[31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String CYAN = "\u001b[36m";
    private static final String RESET = "\u001b[0m";

    @Test
    void gnuLinesWithFixesAndSummary() {
        assertThat(new TextReporter().render(Samples.mixed())).isEqualTo("""
                core.rsc:2:7: error: unclosed quote [syntax]
                    see rules/docs/syntax.md
                sites/edge.rsc:3:1: warning: broad [masquerade-unrestricted]
                    see rules/docs/masquerade-unrestricted.md
                sites/edge.rsc:14:1: error: no hairpin for 192.168.1.0/24 [hairpin-missing-masquerade]
                    fix: add hairpin NAT
                        /ip firewall nat add action=masquerade
                        # or narrower
                    see rules/docs/hairpin-missing-masquerade.md
                3 findings (2 errors, 1 warning) in 2 files
                """);
    }

    @Test
    void withoutFixes() {
        assertThat(new TextReporter(false, false).render(Samples.mixed())).isEqualTo("""
                core.rsc:2:7: error: unclosed quote [syntax]
                    see rules/docs/syntax.md
                sites/edge.rsc:3:1: warning: broad [masquerade-unrestricted]
                    see rules/docs/masquerade-unrestricted.md
                sites/edge.rsc:14:1: error: no hairpin for 192.168.1.0/24 [hairpin-missing-masquerade]
                    see rules/docs/hairpin-missing-masquerade.md
                3 findings (2 errors, 1 warning) in 2 files
                """);
    }

    @Test
    void colourTouchesOnlyTheSeverityWord() {
        Report r = new Report(List.of(new FileReport("a.rsc", List.of(
                finding("r1", Severity.ERROR, "a.rsc", 1, 1, "e", null),
                finding("r2", Severity.WARNING, "a.rsc", 2, 1, "w", null),
                finding("r3", Severity.INFO, "a.rsc", 3, 1, "i", Samples.HAIRPIN_FIX)))), List.of());
        assertThat(new TextReporter(true).render(r)).isEqualTo(
                "a.rsc:1:1: " + RED + "error" + RESET + ": e [r1]\n"
                + "    see rules/docs/r1.md\n"
                + "a.rsc:2:1: " + YELLOW + "warning" + RESET + ": w [r2]\n"
                + "    see rules/docs/r2.md\n"
                + "a.rsc:3:1: " + CYAN + "info" + RESET + ": i [r3]\n"
                + "    fix: add hairpin NAT\n"
                + "        /ip firewall nat add action=masquerade\n"
                + "        # or narrower\n"
                + "    see rules/docs/r3.md\n"
                + "3 findings (1 error, 1 warning, 1 info) in 1 file\n");
        assertThat(new TextReporter(false).render(r)).doesNotContain("\u001b");
        assertThat(new TextReporter().render(r)).doesNotContain("\u001b");
    }

    @Test
    void summaryPluralAndSingular() {
        assertThat(TextReporter.summary(Samples.clean(5))).isEqualTo("no findings in 5 files");
        assertThat(TextReporter.summary(Samples.clean(1))).isEqualTo("no findings in 1 file");
        assertThat(TextReporter.summary(Samples.clean(0))).isEqualTo("no findings in 0 files");
        Report one = new Report(List.of(new FileReport("a.rsc",
                List.of(finding("r", Severity.WARNING, "a.rsc", 1, 1, "m", null)))), List.of());
        assertThat(TextReporter.summary(one)).isEqualTo("1 finding (1 warning) in 1 file");
        assertThat(new TextReporter().render(Samples.clean(2))).isEqualTo("no findings in 2 files\n");
    }

    @Test
    void wholeFileAndLineOnlyPositionsUseTheShortGnuForms() {
        Report r = new Report(List.of(new FileReport("a.rsc", List.of(
                finding("empty", Severity.INFO, "a.rsc", 0, 0, "file is empty", null),
                finding("r", Severity.ERROR, "a.rsc", 4, 0, "bad line", null)))), List.of());
        assertThat(new TextReporter().render(r)).isEqualTo("""
                a.rsc: info: file is empty [empty]
                    see rules/docs/empty.md
                a.rsc:4: error: bad line [r]
                    see rules/docs/r.md
                2 findings (1 error, 1 info) in 1 file
                """);
    }

    @Test
    void continuationLinesAreIndentedSoTheyAreNotTakenForFindings() {
        assertThat(new TextReporter().render(Samples.tricky())).isEqualTo(
                "dir with space/r\u00e9seau \"q\".rsc:1:2: warning: "
                + Samples.TRICKY.replace("\u0001", "\\u0001") + "\n"
                + "    second line [hairpin-missing-masquerade]\n"
                + "    fix: fix \"it\"\t\u2013 now\\\n"
                + "        /ip a\n"
                + "        /ip b\\c \\u001f\n"
                + "    see rules/docs/hairpin-missing-masquerade.md\n"
                + "1 finding (1 warning) in 1 file\n");
    }

    @Test
    void controlCharactersFromTheConfigCannotReachTheTerminal() {
        Report r = new Report(List.of(new FileReport("a.rsc", List.of(
                finding("r", Severity.ERROR, "a.rsc", 1, 1, "comment \u001b[2Jgone\u009b", null)))), List.of());
        assertThat(new TextReporter(true).render(r))
                .startsWith("a.rsc:1:1: " + RED + "error" + RESET + ": comment \\u001b[2Jgone\\u009b [r]\n");
    }

    @Test
    void writerOutputEqualsRenderAndIsDeterministic() throws Exception {
        StringWriter w = new StringWriter();
        new TextReporter(true, true).write(Samples.mixed(), w);
        assertThat(w).hasToString(new TextReporter(true, true).render(Samples.mixed()));
        assertThat(new TextReporter().render(Samples.mixed())).isEqualTo(new TextReporter().render(Samples.mixed()));
    }
}
