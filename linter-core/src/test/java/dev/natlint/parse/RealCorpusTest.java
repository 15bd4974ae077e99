package dev.natlint.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.natlint.RealCorpus;
import dev.natlint.diag.Location;
import dev.natlint.model.ConfigBuilder;
import dev.natlint.model.FirewallRule;
import dev.natlint.model.Interface;
import dev.natlint.model.RouterConfig;
import dev.natlint.model.Table;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every real export and script in {@code ../shared/corpus/real} parses without a single syntax
 * finding and builds a located model. The files are read in place, never copied.
 */
class RealCorpusTest {

    @Test
    void theWalkCoversEveryFileOfTheManifest() throws IOException {
        // a file that went missing (or a walk that silently found nothing) must not pass unnoticed
        Path manifest = RealCorpus.dir().resolve("MANIFEST.tsv");
        List<String> listed = Files.readAllLines(manifest, StandardCharsets.UTF_8).stream().skip(1)
                .map(l -> l.split("\t", 2)[0]).filter(n -> n.endsWith(".rsc")).sorted().toList();
        assertThat(RealCorpus.files()).extracting(p -> p.getFileName().toString()).isNotEmpty()
                .containsExactlyElementsOf(listed);
    }

    @TestFactory
    Stream<DynamicTest> noSyntaxFindings() throws IOException {
        return RealCorpus.files().stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            String name = p.getFileName().toString();
            String text = read(p);
            ParsedScript s = RouterOsReader.read(name, text);
            assertThat(s.syntaxFindings()).as("syntax findings:%n%s", s.syntaxFindings().stream()
                    .map(f -> f.location() + ": " + f.message()).collect(Collectors.joining("\n"))).isEmpty();
            assertThat(s.commands()).isNotEmpty();
            int lines = lineCount(text);
            assertThat(s.commands()).allSatisfy(c -> {
                assertThat(c.location().file()).isEqualTo(name);
                assertThat(c.location().line()).isBetween(1, lines);
                assertThat(c.location().column()).isPositive();
            });
        }));
    }

    @TestFactory
    Stream<DynamicTest> modelBuildsWithLocations() throws IOException {
        return RealCorpus.files().stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            String name = p.getFileName().toString();
            RouterConfig c = ConfigBuilder.build(RouterOsReader.read(name, read(p)));
            List<Location> located = new ArrayList<>();
            for (Table t : Table.values()) {
                for (FirewallRule r : c.rules(t)) {
                    assertThat(r.location()).as("%s rule %s", t, r).isNotNull();
                    located.add(r.location());
                }
            }
            // every element the script declares has a location; only untouched factory ports have none
            c.interfaces().stream().filter(i -> !i.implicit()).map(Interface::location).forEach(located::add);
            c.addresses().forEach(a -> located.add(a.location()));
            c.routes().forEach(r -> located.add(r.location()));
            c.bridgePorts().forEach(b -> located.add(b.location()));
            c.interfaceListMembers().forEach(m -> located.add(m.location()));
            c.addressListEntries().forEach(e -> located.add(e.location()));
            c.dhcpClients().forEach(d -> located.add(d.location()));
            c.dnsStatic().forEach(d -> located.add(d.location()));
            assertThat(located).allSatisfy(l -> {
                assertThat(l).isNotNull();
                assertThat(l.file()).isEqualTo(name);
                assertThat(l.line()).isPositive();
                assertThat(l.column()).isPositive();
            });
        }));
    }

    static String read(Path p) throws IOException {
        return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
    }

    /** Lines as ANTLR and grep count them: line feeds, plus a last line without one. */
    private static int lineCount(String text) {
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }
}
