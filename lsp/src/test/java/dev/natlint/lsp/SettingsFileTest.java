package dev.natlint.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.natlint.NatLint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server reads the natlint.toml found upward from a document, as the command line does. */
class SettingsFileTest {

    @TempDir
    Path dir;

    private List<String> ruleIds(Path script) throws IOException {
        List<String> ids = new ArrayList<>();
        try (Documents docs = new Documents(NatLint.builder().build(), new Diagnostics(RuleDocs.locate()), p -> { })) {
            Analysis a = docs.analyse(script.toUri().toString(), 1, Files.readString(script));
            a.items().forEach(i -> ids.add(i.finding() == null ? "-" : i.finding().ruleId()));
        }
        return ids;
    }

    @Test
    void settingsUpwardFromTheDocumentApply() throws IOException {
        Path sub = Files.createDirectories(dir.resolve("routers"));
        Path script = sub.resolve("router.rsc");
        Files.copy(Path.of("../examples/hairpin-broken.rsc"), script);
        assertThat(ruleIds(script)).containsExactly("hairpin-missing-masquerade");
        Files.writeString(dir.resolve("natlint.toml"), "disable = [\"hairpin-missing-masquerade\"]\n");
        assertThat(ruleIds(script)).isEmpty();
    }

    @Test
    void aBrokenSettingsFileIsReportedAndTheDefaultsApply() throws IOException {
        Path script = dir.resolve("router.rsc");
        Files.copy(Path.of("../examples/hairpin-broken.rsc"), script);
        Files.writeString(dir.resolve("natlint.toml"), "disable = [\"no-such-rule\"]\n");
        assertThat(ruleIds(script)).containsExactly(NatLint.IO_RULE, "hairpin-missing-masquerade");
    }
}
