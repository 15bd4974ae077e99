package dev.natlint.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.natlint.NatLintException;
import dev.natlint.diag.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    private static final Set<String> KNOWN = Set.of("hairpin-missing-masquerade", "masquerade-unrestricted", "syntax");
    private static final Path FILE = Path.of("/work/proj/natlint.toml");

    private static Settings parse(String text) throws NatLintException {
        return Settings.parse(FILE, text, KNOWN);
    }

    @Test
    void everyKey() throws Exception {
        Settings s = parse("""
                disable = ["syntax"]
                fail-on = "Warning"
                exclude = ["lab/**", "old-*.rsc"]
                baseline = "ci/natlint-baseline.json"

                [severity]
                masquerade-unrestricted = "error"
                """);
        assertThat(s.disable()).containsExactly("syntax");
        assertThat(s.failOn()).isEqualTo("warning");
        assertThat(s.exclude()).containsExactly("lab/**", "old-*.rsc");
        assertThat(s.baseline()).isEqualTo(Path.of("/work/proj/ci/natlint-baseline.json"));
        assertThat(s.severity()).isEqualTo(Map.of("masquerade-unrestricted", Severity.ERROR));
        assertThat(s.threshold(null)).isEqualTo(Severity.WARNING);
        assertThat(s.threshold("none")).isNull();
        assertThat(Settings.NONE.threshold(null)).isEqualTo(Severity.ERROR);
    }

    @Test
    void mistakesNameFileAndLine() {
        assertThatThrownBy(() -> parse("disable = []\nfail_on = \"error\"\n"))
                .isInstanceOf(NatLintException.class)
                .hasMessage(FILE + ":2: unknown key 'fail_on' (known: baseline, disable, exclude, fail-on, severity)");
        assertThatThrownBy(() -> parse("\n\ndisable = [\"hairpin-missing-masquerad\"]\n"))
                .hasMessage(FILE + ":3: unknown rule id 'hairpin-missing-masquerad'; did you mean hairpin-missing-masquerade?");
        assertThatThrownBy(() -> parse("[severity]\nsyntax = \"fatal\"\n"))
                .hasMessage(FILE + ":2: severity of 'syntax': unknown severity 'fatal' (expected error, warning or info)");
        assertThatThrownBy(() -> parse("[severity]\n\nnope = \"error\"\n"))
                .hasMessage(FILE + ":3: unknown rule id 'nope'");
        assertThatThrownBy(() -> parse("fail-on = \"sometimes\"\n"))
                .hasMessage(FILE + ":1: 'fail-on' must be error, warning, info or none, not 'sometimes'");
        assertThatThrownBy(() -> parse("exclude = \"lab/**\"\n"))
                .hasMessageStartingWith(FILE + ":1: 'exclude' must be a list of strings");
        assertThatThrownBy(() -> parse("disable = [\n"))
                .hasMessageStartingWith(FILE + ":2: ");
    }

    @Test
    void foundInTheNearestDirectoryAbove(@TempDir Path dir) throws Exception {
        Path nested = Files.createDirectories(dir.resolve("a/b"));
        Files.writeString(nested.resolve("r.rsc"), "");
        assertThat(Settings.find(nested.resolve("r.rsc"))).isEmpty();
        Files.writeString(dir.resolve("natlint.toml"), "disable = [\"syntax\"]\n");
        assertThat(Settings.find(nested.resolve("r.rsc"))).contains(dir.resolve("natlint.toml"));
        Files.writeString(dir.resolve("a/natlint.toml"), "");
        assertThat(Settings.find(nested)).contains(dir.resolve("a/natlint.toml"));
        assertThat(Settings.load(dir.resolve("natlint.toml"), KNOWN).disable()).isEqualTo(List.of("syntax"));
    }
}
