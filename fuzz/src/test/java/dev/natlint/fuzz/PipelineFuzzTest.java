package dev.natlint.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import com.code_intelligence.jazzer.mutation.annotation.WithLength;
import dev.natlint.NatLint;
import dev.natlint.diag.Finding;
import dev.natlint.parse.ParsedScript;
import dev.natlint.parse.RouterOsReader;
import dev.natlint.report.FileReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Fuzz targets for the parser and the whole pipeline. In {@code mvn verify} they run in regression
 * mode over the committed inputs in {@code src/test/resources/.../PipelineFuzzTestInputs}; with
 * {@code JAZZER_FUZZ=1} they fuzz (see fuzz/README.md). Any exception, or a finding that points
 * outside the file, is a bug; a crash found becomes a committed input.
 */
public class PipelineFuzzTest {

    private static final NatLint NATLINT = NatLint.builder().build();

    @FuzzTest(maxDuration = "30s")
    void fuzzParser(@NotNull @WithLength(max = FuzzInput.MAX_BYTES) byte[] input) {
        parserProperties(FuzzInput.decode(input));
    }

    @FuzzTest(maxDuration = "30s")
    void fuzzPipeline(@NotNull @WithLength(max = FuzzInput.MAX_BYTES) byte[] input) {
        pipelineProperties(FuzzInput.decode(input));
    }

    /** The same properties over every test config and every real export (read in place). */
    @Test
    void propertiesHoldOnEveryKnownScript() throws IOException {
        for (Path p : knownScripts()) {
            String text = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
            parserProperties(text);
            pipelineProperties(text);
        }
    }

    /** Every test config, and every real export in ../shared/corpus/real when it is there. */
    static List<Path> knownScripts() throws IOException {
        List<Path> files;
        try (Stream<Path> own = Files.walk(Path.of("../test-configs"))) {
            files = new java.util.ArrayList<>(own.filter(p -> p.toString().endsWith(".rsc")).sorted().toList());
        }
        Path real = Path.of(System.getProperty("natlint.shared.dir", "../../shared"), "corpus", "real");
        if (Files.isDirectory(real)) {
            try (Stream<Path> s = Files.list(real)) {
                files.addAll(s.filter(p -> p.toString().endsWith(".rsc")).sorted().toList());
            }
        }
        assertThat(files).hasSizeGreaterThan(30);
        return files;
    }

    public static void parserProperties(String script) {
        ParsedScript parsed = RouterOsReader.read("fuzz.rsc", script);
        long lines = script.chars().filter(c -> c == '\n' || c == '\r').count() + 1;
        for (Finding f : parsed.syntaxFindings()) {
            assertThat(f.location().line()).isBetween(1, (int) Math.min(Integer.MAX_VALUE, lines));
            assertThat(f.location().column()).isPositive();
        }
    }

    public static void pipelineProperties(String script) {
        FileReport first = NATLINT.checkText("fuzz.rsc", script);
        FileReport second = NATLINT.checkText("fuzz.rsc", script);
        // deterministic: the same input gives the same findings, in the same order
        assertThat(second).isEqualTo(first);
    }
}
