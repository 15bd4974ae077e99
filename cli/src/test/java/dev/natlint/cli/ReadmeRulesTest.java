package dev.natlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.natlint.rule.RuleInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** README's rule table, the rule pages and the rules' metadata cannot drift apart. */
class ReadmeRulesTest {

    private static final Path REPO = Path.of(System.getProperty("natlint.repo.dir", ".."));

    /**
     * The rules natlint ships: registered rules and the engine's own, without rules that tests of this
     * module register from their own classes (such as a rule that fails on purpose).
     */
    static List<RuleInfo> shipped() {
        java.util.List<RuleInfo> out = new java.util.ArrayList<>();
        for (dev.natlint.rule.Rule r : dev.natlint.NatLint.discoverRules()) {
            java.security.CodeSource source = r.getClass().getProtectionDomain().getCodeSource();
            if (source == null || !source.getLocation().getPath().contains("/test-classes/")) {
                out.add(r.info());
            }
        }
        out.addAll(dev.natlint.NatLint.builtInRules());
        out.sort(java.util.Comparator.comparing(RuleInfo::id));
        return out;
    }

    /** The table as it must appear in README.md, rendered from {@link RuleInfo}. */
    static String table(List<RuleInfo> rules) {
        StringBuilder sb = new StringBuilder("| id | severity | summary |\n|---|---|---|\n");
        for (RuleInfo r : rules) {
            sb.append("| [`").append(r.id()).append("`](").append(r.docPath()).append(") | ")
                    .append(r.defaultSeverity().label()).append(" | ").append(r.summary()).append(" |\n");
        }
        return sb.toString();
    }

    @Test
    void readmeTableListsExactlyTheRegisteredRules() throws IOException {
        List<RuleInfo> rules = shipped();
        assertThat(rules).extracting(RuleInfo::id).contains("io-error", "suppression", "syntax", "hairpin-missing-masquerade",
                "internal-error").doesNotContain("test-exploding-stage");
        String readme = Files.readString(REPO.resolve("README.md"));
        assertThat(readme).as("README.md's rule table; regenerate it from this test's table()").contains(table(rules));
    }

    @Test
    void everyRuleHasItsPageInTheRepositoryAndInTheJar() throws IOException {
        for (RuleInfo r : shipped()) {
            Path page = REPO.resolve(r.docPath());
            assertThat(page).as(r.id()).isRegularFile();
            assertThat(Files.readString(page)).startsWith("# " + r.id() + "\n");
            try (InputStream in = ReadmeRulesTest.class.getResourceAsStream(RuleInfo.docResource(r.id()))) {
                assertThat(in).as("page of " + r.id() + " in the rules jar").isNotNull();
                assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(Files.readString(page));
            }
            assertThat(r.helpMarkdown()).as("help of " + r.id()).isEqualTo(Files.readString(page));
        }
    }
}
