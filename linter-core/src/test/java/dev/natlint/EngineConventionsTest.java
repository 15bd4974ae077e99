package dev.natlint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.natlint.diag.Finding;
import dev.natlint.diag.Location;
import dev.natlint.diag.Severity;
import dev.natlint.report.FileReport;
import dev.natlint.rule.Rule;
import dev.natlint.rule.RuleContext;
import dev.natlint.rule.RuleInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the engine does around the rules: which files, binary input, suppressions that talk back. */
public class EngineConventionsTest {

    /** Reports every {@code /ip firewall nat} command, so tests control where findings are. */
    public static final class EveryNatRule implements Rule {
        static final RuleInfo INFO = new RuleInfo("every-nat", Severity.ERROR, "s", "d", "# every-nat\n");

        @Override
        public RuleInfo info() {
            return INFO;
        }

        @Override
        public List<Finding> check(RuleContext context) {
            List<Finding> out = new ArrayList<>();
            String[] lines = context.text().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].startsWith("/ip firewall nat")) {
                    out.add(new Finding("every-nat", Severity.ERROR, new Location(context.file(), i + 1, 1), "nat here"));
                }
            }
            return out;
        }
    }

    private static final String NAT = "/ip firewall nat add chain=srcnat action=masquerade\n";

    private static NatLint lint(boolean reportUnused) {
        return NatLint.builder().rules(List.of(new EveryNatRule())).reportUnusedSuppressions(reportUnused).build();
    }

    private static List<String> messages(FileReport r) {
        return r.findings().stream().map(f -> f.location().line() + " " + f.ruleId() + ": " + f.message()).toList();
    }

    @Test
    void emptyDirectoryAndExcludedEverythingAreErrorsNamingPathAndGlobs(@TempDir Path dir) throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertThatThrownBy(() -> lint(false).check(List.of(empty)))
                .isInstanceOf(NatLintException.class)
                .hasMessageContaining("nothing to check: no script in " + empty)
                .hasMessageContaining("includes **/*.rsc; excludes none")
                .matches(e -> ((NatLintException) e).nothingToCheck());
        Path scripts = Files.createDirectory(dir.resolve("scripts"));
        Files.writeString(scripts.resolve("a.rsc"), NAT);
        NatLint excluding = NatLint.builder().rules(List.of(new EveryNatRule())).exclude("*.rsc").build();
        assertThatThrownBy(() -> excluding.check(List.of(scripts)))
                .hasMessageContaining("no script in " + scripts).hasMessageContaining("excludes *.rsc");
        NatLint allowing = NatLint.builder().rules(List.of(new EveryNatRule())).allowEmpty(true).build();
        assertThat(allowing.check(List.of(empty)).files()).isEmpty();
    }

    @Test
    void extensionsMatchWhateverTheirCase(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("EDGE.RSC"), NAT);
        Files.writeString(dir.resolve("core.Rsc"), NAT);
        Files.writeString(dir.resolve("notes.txt"), NAT);
        assertThat(SourceFiles.collect(List.of(dir)).files()).extracting(p -> p.getFileName().toString())
                .containsExactly("EDGE.RSC", "core.Rsc");
        SourceFiles.Found noCore = SourceFiles.collect(List.of(dir), new SourceFiles.Filter(null, List.of("CORE.*")));
        assertThat(noCore.files()).extracting(p -> p.getFileName().toString()).containsExactly("EDGE.RSC");
    }

    @Test
    void binaryFileGivesExactlyOneSyntaxFinding(@TempDir Path dir) throws IOException {
        byte[] elf = Files.readAllBytes(Path.of("/bin/ls").toFile().exists() ? Path.of("/bin/ls") : Path.of("/bin/sh"));
        Path f = dir.resolve("ls.rsc");
        Files.write(f, elf);
        FileReport r = lint(false).checkFile(f);
        assertThat(r.findings()).hasSize(1);
        assertThat(r.findings().get(0).ruleId()).isEqualTo("syntax");
        assertThat(r.findings().get(0).message()).isEqualTo("not a RouterOS script: binary data");
        assertThat(r.findings().get(0).location().line()).isEqualTo(1);

        byte[] noNul = new byte[4096];
        new Random(7).nextBytes(noNul);
        for (int i = 0; i < noNul.length; i++) {
            noNul[i] = noNul[i] == 0 ? 1 : noNul[i];
        }
        Files.write(f, noNul);
        assertThat(messages(lint(false).checkFile(f))).containsExactly("1 syntax: not a RouterOS script: binary data");
    }

    @Test
    void latin1AndUtf8TextAreStillScripts(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("latin1.rsc");
        Files.write(f, ("# Bür\u00f6 r\u00e9seau\n" + NAT).getBytes(StandardCharsets.ISO_8859_1));
        assertThat(messages(lint(false).checkFile(f))).containsExactly("2 every-nat: nat here");
        Files.writeString(f, "# \u0421\u0435\u0442\u044c \u2013 \u00fc\n" + NAT);
        assertThat(messages(lint(false).checkFile(f))).containsExactly("2 every-nat: nat here");
    }

    @Test
    void unknownIdInSuppressionIsAWarningWithCloseMatches() {
        NatLint lint = NatLint.builder().rules(List.of(new EveryNatRule())).build();
        FileReport r = lint.checkText("a.rsc", "# natlint:ignore every-na\n" + NAT);
        assertThat(messages(r)).containsExactly(
                "1 suppression: unknown rule id 'every-na' in suppression; did you mean every-nat?",
                "2 every-nat: nat here");
        assertThat(r.findings().get(0).severity()).isEqualTo(Severity.WARNING);
        FileReport far = lint.checkText("a.rsc", "# natlint:ignore zzzzzzzzzzzzzzzz\n" + NAT);
        assertThat(messages(far)).first().asString().endsWith("no rule has a similar id");
    }

    @Test
    void everySuppressionFormSilences() {
        NatLint lint = lint(false);
        assertThat(lint.checkText("a.rsc", "# natlint:ignore every-nat\n" + NAT).findings()).isEmpty();
        assertThat(lint.checkText("a.rsc", "# natlint:ignore=every-nat\n" + NAT).findings()).isEmpty();
        assertThat(lint.checkText("a.rsc", "# natlint:ignore = every-nat, syntax\n" + NAT).findings()).isEmpty();
        assertThat(lint.checkText("a.rsc", "# natlint:ignore all\n" + NAT).findings()).isEmpty();
        assertThat(lint.checkText("a.rsc", "/ip firewall nat add chain=srcnat action=masquerade comment=\"natlint:ignore=every-nat\"\n")
                .findings()).isEmpty();
        // a blank line breaks the connection
        assertThat(messages(lint.checkText("a.rsc", "# natlint:ignore every-nat\n\n" + NAT))).containsExactly("3 every-nat: nat here");
        // a marker without an id is reported rather than ignored
        assertThat(messages(lint.checkText("a.rsc", "# natlint:ignore\n" + NAT))).contains(
                "1 suppression: suppression names no rule: write natlint:ignore <rule-id> or natlint:ignore=<rule-id>[,<rule-id>]");
    }

    @Test
    void unusedSuppressionsAreReportedOnlyWhenAsked() {
        String script = "# natlint:ignore every-nat\n/ip address add address=10.0.0.1/24 interface=ether1\n"
                + "# natlint:ignore syntax\n" + NAT + "# natlint:ignore every-nat\n";
        assertThat(messages(lint(false).checkText("a.rsc", script))).containsExactly("4 every-nat: nat here");
        assertThat(messages(lint(true).checkText("a.rsc", script))).containsExactly(
                "1 suppression: suppression of 'every-nat' silenced nothing on line 2",
                "3 suppression: suppression of 'syntax' silenced nothing on line 4",
                "4 every-nat: nat here",
                "5 suppression: suppression of 'every-nat' applies to no command (no command follows its comment block)");
        assertThat(lint(true).checkText("a.rsc", "# natlint:ignore every-nat\n" + NAT).findings()).isEmpty();
        NatLint quiet = NatLint.builder().rules(List.of(new EveryNatRule())).reportUnusedSuppressions(true)
                .disable("suppression").build();
        assertThat(messages(quiet.checkText("a.rsc", "# natlint:ignore every-na\n"))).isEmpty();
    }

    @Test
    void unknownRuleIdInSettingsSuggestsTheCloseOnes() {
        assertThatThrownBy(() -> NatLint.builder().rules(List.of(new EveryNatRule())).disable("every-nta").build())
                .hasMessage("unknown rule id 'every-nta'; did you mean every-nat?");
    }
}
