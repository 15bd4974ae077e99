package dev.natlint.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.natlint.RealCorpus;
import dev.natlint.diag.Finding;
import dev.natlint.model.ConfigBuilder;
import dev.natlint.model.FirewallRule;
import dev.natlint.model.RouterConfig;
import dev.natlint.model.Table;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every real export and script parses without a single syntax finding, and builds a located model. */
class RealCorpusTest {

    @TestFactory
    Stream<DynamicTest> noSyntaxFindings() throws IOException {
        return RealCorpus.files().stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            ParsedScript s = RouterOsReader.read(p.getFileName().toString(), read(p));
            assertThat(s.syntaxFindings()).as("syntax findings in %s:%n%s", p.getFileName(), s.syntaxFindings().stream()
                    .map(Finding::toString).collect(Collectors.joining("\n"))).isEmpty();
            assertThat(s.commands()).isNotEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> modelBuildsWithLocations() throws IOException {
        return RealCorpus.files().stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            RouterConfig c = ConfigBuilder.build(RouterOsReader.read(p.getFileName().toString(), read(p)));
            for (Table t : Table.values()) {
                for (FirewallRule r : c.rules(t)) {
                    assertThat(r.location().line()).as("%s rule %s", p.getFileName(), r).isPositive();
                    assertThat(r.location().file()).isEqualTo(p.getFileName().toString());
                }
            }
        }));
    }

    static String read(Path p) throws IOException {
        return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
    }
}
