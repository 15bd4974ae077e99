package dev.natlint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.natlint.NatLint;
import dev.natlint.rule.Rule;
import dev.natlint.rule.RuleInfo;
import dev.natlint.rule.RulePattern;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each rule's metadata is its class's {@link RulePattern}; the pages, the docs index and the README's
 * table must say the same, and list exactly these rules.
 */
class RuleMetadataTest {

    private static final Path REPO = Path.of(System.getProperty("natlint.repo.dir", ".."));

    /** The rules as their annotations declare them, plus the engine's own, by id. */
    private static List<RuleInfo> declared() {
        List<RuleInfo> out = new ArrayList<>();
        for (Rule r : NatLint.discoverRules()) {
            out.add(r.info());
        }
        out.addAll(NatLint.builtInRules());
        out.sort(java.util.Comparator.comparing(RuleInfo::id));
        return out;
    }

    @Test
    void everyRegisteredRuleDeclaresItsMetadataOnItsClassAndNowhereElse() throws NoSuchMethodException {
        List<Rule> rules = NatLint.discoverRules();
        assertThat(rules).hasSize(17);
        for (Rule r : rules) {
            RulePattern p = r.getClass().getAnnotation(RulePattern.class);
            assertThat(p).as(r.getClass().getSimpleName() + " has @RulePattern").isNotNull();
            // info() is the interface's, derived from the annotation: no rule builds its metadata in code
            assertThat(r.getClass().getMethod("info").getDeclaringClass()).as(p.id()).isEqualTo(Rule.class);
            RuleInfo info = r.info();
            assertThat(info.id()).isEqualTo(p.id());
            assertThat(info.defaultSeverity()).isEqualTo(p.severity());
            assertThat(info.summary()).isEqualTo(p.summary());
            assertThat(info.description()).isEqualTo(p.description());
            assertThat(info.docPath()).isEqualTo("rules/docs/" + p.id() + ".md");
            assertThat(r.info()).as("read once per class").isSameAs(info);
        }
        assertThat(rules).extracting(r -> r.info().id()).doesNotHaveDuplicates();
    }

    @Test
    void eachPageIsTitledWithItsIdAndStatesTheDeclaredSeverity() throws IOException {
        for (RuleInfo r : declared()) {
            Path page = REPO.resolve(r.docPath());
            assertThat(page).as(r.id()).isRegularFile();
            List<String> lines = Files.readAllLines(page);
            assertThat(lines.get(0)).as("title of " + page).isEqualTo("# " + r.id());
            assertThat(lines.get(2)).as("severity of " + page).isEqualTo("**Severity:** " + r.defaultSeverity().label());
            assertThat(r.helpMarkdown()).as("help of " + r.id()).isEqualTo(Files.readString(page));
        }
    }

    @Test
    void noPageWithoutARule() throws IOException {
        List<String> ids = declared().stream().map(RuleInfo::id).toList();
        try (Stream<Path> pages = Files.list(REPO.resolve("rules/docs"))) {
            List<String> names = pages.map(p -> p.getFileName().toString()).filter(n -> !n.equals("README.md")).sorted().toList();
            assertThat(names).containsExactlyElementsOf(ids.stream().map(id -> id + ".md").toList());
        }
    }

    @Test
    void theDocsIndexListsExactlyTheDeclaredRules() throws IOException {
        List<String> expected = declared().stream().map(r -> row(r, r.id() + ".md")).toList();
        assertThat(tableRows(REPO.resolve("rules/docs/README.md"))).containsExactlyElementsOf(expected);
    }

    @Test
    void theReadmeTableListsExactlyTheDeclaredRules() throws IOException {
        List<String> expected = declared().stream().map(r -> row(r, r.docPath())).toList();
        assertThat(tableRows(REPO.resolve("README.md"))).containsExactlyElementsOf(expected);
    }

    private static String row(RuleInfo r, String link) {
        return "| [`" + r.id() + "`](" + link + ") | " + r.defaultSeverity().label() + " | " + r.summary() + " |";
    }

    /** The rows of the file's rule table: the lines after its {@code | id | severity | summary |} header. */
    private static List<String> tableRows(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        int header = lines.indexOf("| id | severity | summary |");
        assertThat(header).as("rule table in " + file).isNotNegative();
        assertThat(lines.get(header + 1)).isEqualTo("|---|---|---|");
        List<String> rows = new ArrayList<>();
        for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            rows.add(lines.get(i));
        }
        return rows;
    }
}
