package dev.natlint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rules ask {@link dev.natlint.rule.Analysis} and never reach into the engine behind it, so the engine
 * (runner, matcher, address space, topology) can change without touching a rule, and a rule's test can
 * answer with flows it built itself.
 */
class RulesAskTheAnalysisTest {

    private static final Path SOURCES = Path.of(System.getProperty("natlint.repo.dir", ".."))
            .resolve("rules/src/main/java/dev/natlint/rules");

    /** Engine types and calls the rules module must not name. */
    private static final List<String> ENGINE = List.of("FlowAnalyzer", "ChainRunner", "RuleMatcher", "AddressSpace",
            "Topology", "Universe", "Translation", ".analyzer()", ".runner()", ".matcher()", ".topology()", ".space()");

    @Test
    void noRuleNamesAnEngineInternal() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(SOURCES)) {
            files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(15);
        List<String> found = new ArrayList<>();
        for (Path f : files) {
            List<String> lines = Files.readAllLines(f);
            for (int i = 0; i < lines.size(); i++) {
                for (String e : ENGINE) {
                    if (lines.get(i).contains(e)) {
                        found.add(f.getFileName() + ":" + (i + 1) + ": " + e);
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    /** Each registered rule has unit tests in this module, on flows written by hand, beside its test configs. */
    @Test
    void everyRuleIsCheckedByATestOfThisModule() throws IOException {
        Path tests = SOURCES.resolve("../../../../../test/java/dev/natlint/rules").normalize();
        StringBuilder all = new StringBuilder();
        try (Stream<Path> s = Files.list(tests)) {
            for (Path p : s.filter(p -> p.toString().endsWith("Test.java")).toList()) {
                all.append(Files.readString(p));
            }
        }
        List<String> untested = new ArrayList<>();
        for (dev.natlint.rule.Rule r : dev.natlint.NatLint.discoverRules()) {
            if (!all.toString().contains("new " + r.getClass().getSimpleName() + "().check(")) {
                untested.add(r.getClass().getSimpleName());
            }
        }
        assertThat(untested).isEmpty();
    }
}
