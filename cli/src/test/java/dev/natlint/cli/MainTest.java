package dev.natlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user runs it: output, exit codes, settings, suppressions, files untouched. */
class MainTest {

    private static final Path BROKEN = Path.of("../test-configs/scenarios/seed-hairpin-broken.rsc");
    private static final Path FIXED = Path.of("../test-configs/scenarios/seed-hairpin-fixed.rsc");

    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void findingsGiveExitOneAndGnuLines() throws IOException {
        byte[] before = Files.readAllBytes(BROKEN);
        Run r = run(BROKEN.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("seed-hairpin-broken.rsc:14:1: error: LAN client 192.168.1.10 -> 1.1.1.1:80/tcp")
                .contains("[hairpin-missing-masquerade]").contains("    fix: ")
                .contains("/ip firewall nat add action=masquerade").endsWith("1 finding (1 error) in 1 file\n");
        assertThat(Files.readAllBytes(BROKEN)).isEqualTo(before);
    }

    @Test
    void fixPrintsOneCheckedScriptAndLeavesTheFileAlone() throws IOException {
        Path config = Path.of("../test-configs/rules/dstnat-unreachable-from-lan/bad-defconf-nas-two-forwards.rsc");
        byte[] before = Files.readAllBytes(config);
        Run r = run("fix", config.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        String[] lines = r.out().split("\n");
        assertThat(lines[0]).startsWith("# natlint: every fix for ").contains("(2 findings)");
        // one command per line with its full menu path, each line once
        assertThat(java.util.Arrays.copyOfRange(lines, 1, lines.length)).allMatch(l -> l.startsWith("/")).doesNotHaveDuplicates();
        assertThat(Files.readAllBytes(config)).isEqualTo(before);
        // the script is what natlint analyses again: with it appended, nothing is left
        Path fixed = Files.createTempFile("natlint-fixed", ".rsc");
        try {
            Files.writeString(fixed, Files.readString(config) + r.out());
            assertThat(run("check", fixed.toString()).out()).isEqualTo("no findings in 1 file\n");
        } finally {
            Files.delete(fixed);
        }
        Run clean = run("fix", FIXED.toString());
        assertThat(clean.code()).isZero();
        assertThat(clean.out()).startsWith("# natlint: nothing to fix in ");
    }

    @Test
    void cleanFileGivesExitZero() {
        Run r = run("check", FIXED.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("no findings in 1 file\n");
    }

    @Test
    void missingFileAndBadUsageGiveExitTwoWithoutStackTrace() {
        Run missing = run("no-such-file.rsc");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("natlint: no such file or directory: no-such-file.rsc\n");
        Run bad = run("check", "--fail-on", "sometimes", BROKEN.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).startsWith("natlint: unknown severity 'sometimes'").doesNotContain("Exception");
        Run unknownRule = run("check", "--disable", "no-such-rule", BROKEN.toString());
        assertThat(unknownRule.code()).isEqualTo(2);
        assertThat(unknownRule.err()).contains("unknown rule id 'no-such-rule'");
    }

    @Test
    void thresholdDisableAndSeverity() {
        assertThat(run("check", "--fail-on", "none", BROKEN.toString()).code()).isZero();
        assertThat(run("check", "--disable", "hairpin-missing-masquerade", BROKEN.toString()).out())
                .isEqualTo("no findings in 1 file\n");
        Run demoted = run("check", "--severity", "hairpin-missing-masquerade=warning", BROKEN.toString());
        assertThat(demoted.code()).isZero();
        assertThat(demoted.out()).contains(": warning: ");
        assertThat(run("check", "--severity", "hairpin-missing-masquerade=warning", "--fail-on", "warning",
                BROKEN.toString()).code()).isEqualTo(1);
    }

    @Test
    void jsonFormatIsStableAndComplete() {
        Run a = run("check", "--format", "json", BROKEN.toString());
        Run b = run("check", "--format", "json", BROKEN.toString());
        assertThat(a.out()).isEqualTo(b.out());
        assertThat(a.out()).contains("\"files\": [").contains("\"ruleId\": \"hairpin-missing-masquerade\"")
                .contains("\"severity\": \"error\"").contains("\"line\": 14").contains("\"column\": 1")
                .contains("\"snippet\": \"/ip firewall nat add action=masquerade");
    }

    @Test
    void suppressionsInCommentPropertyAndCommentLine(@TempDir Path dir) throws IOException {
        String text = Files.readString(BROKEN);
        Path byProperty = dir.resolve("a.rsc");
        Files.writeString(byProperty, text.replace("to-address=192.168.1.2",
                "to-address=192.168.1.2 comment=\"web natlint:ignore=hairpin-missing-masquerade\""));
        assertThat(run(byProperty.toString()).code()).isZero();
        Path byLine = dir.resolve("b.rsc");
        Files.writeString(byLine, text.replace("add chain=dstnat", "# natlint:ignore hairpin-missing-masquerade\nadd chain=dstnat"));
        assertThat(run(byLine.toString()).code()).isZero();
        Path other = dir.resolve("c.rsc");
        Files.writeString(other, text.replace("add chain=dstnat", "# natlint:ignore syntax\nadd chain=dstnat"));
        assertThat(run(other.toString()).code()).isEqualTo(1);
    }

    @Test
    void directoriesAreSearchedAndReportsWrittenAtomically(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("sites/a"));
        Files.copy(BROKEN, dir.resolve("sites/a/edge.rsc"));
        Files.copy(FIXED, dir.resolve("sites/core.rsc"));
        Files.writeString(dir.resolve("sites/notes.txt"), "not a script");
        Path out = dir.resolve("out/report.sarif");
        Run r = run("check", "--format", "sarif", "--output", out.toString(), dir.resolve("sites").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        String sarif = Files.readString(out);
        assertThat(sarif).contains("\"version\": \"2.1.0\"").contains("edge.rsc").contains("\"startLine\": 14");
        try (var files = Files.list(out.getParent())) {
            assertThat(files).containsExactly(out);
        }
    }

    @Test
    void explainJsonDescribesEveryFlow() {
        Run r = run("explain", "--format", "json", BROKEN.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("\"forwardLine\": 14").contains("\"protocol\": \"tcp\"").contains("\"ports\": [\n        \"80\"")
                .contains("\"publicAddresses\": [\n        \"1.1.1.1/32\"").contains("\"verdict\": \"reply-bypasses-router\"")
                .contains("\"works\": false").contains("\"verdict\": \"ok\"").contains("\"sources\": [");
        assertThat(run("explain", "--format", "dot", BROKEN.toString()).out()).startsWith("digraph natlint {")
                .contains("reply-bypasses-router");
    }

    @Test
    void traceExitCodesFollowTheVerdict() {
        Run lan = run("trace", "--from", "192.168.1.10", "--to", "1.1.1.1", "--protocol", "tcp", "--port", "80", BROKEN.toString());
        assertThat(lan.code()).isEqualTo(1);
        assertThat(lan.out()).contains("verdict: reply-bypasses-router");
        Run internet = run("trace", "--from", "2.2.2.2", "--to", "1.1.1.1", "--port", "80", BROKEN.toString());
        assertThat(internet.code()).isZero();
        assertThat(internet.out()).contains("verdict: ok");
        assertThat(run("trace", "--from", "nonsense", "--to", "1.1.1.1", "--port", "80", BROKEN.toString()).code()).isEqualTo(2);
    }

    @Test
    void helpAndVersion() {
        Run help = run("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("Usage: natlint").contains("check").contains("explain").contains("trace");
        Run version = run("--version");
        assertThat(version.code()).isZero();
        assertThat(version.out()).startsWith("natlint 0.1.0");
    }
}
