package dev.natlint.junit;

import dev.natlint.NatLint;
import dev.natlint.NatLintException;
import dev.natlint.diag.Finding;
import dev.natlint.diag.Severity;
import dev.natlint.report.FileReport;
import dev.natlint.report.TextReporter;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;

/**
 * Router scripts checked as ordinary JUnit 5 tests, so any IDE shows each script green or red:
 * <pre>
 * &#64;Test void edgeRouter() { NatLintAssertions.assertNoFindings(Path.of("src/main/routeros/edge.rsc")); }
 *
 * &#64;TestFactory Stream&lt;DynamicTest&gt; allRouters() {
 *     return NatLintAssertions.scriptsUnder(Path.of("src/main/routeros"));
 * }
 * </pre>
 * A failure's message lists every finding with its fix snippet.
 */
public final class NatLintAssertions {

    private NatLintAssertions() {
    }

    /** Fails when the script has any finding. */
    public static void assertNoFindings(Path script) {
        assertNoFindings(script, Severity.INFO);
    }

    /** Fails when the script has a finding at or above {@code threshold}. */
    public static void assertNoFindings(Path script, Severity threshold) {
        assertNoFindings(script, threshold, NatLint.builder().build());
    }

    /** As above, with a configured {@link NatLint} (disabled rules, severities). */
    public static void assertNoFindings(Path script, Severity threshold, NatLint natlint) {
        FileReport report = natlint.checkFile(script);
        List<Finding> failing = report.findings().stream().filter(f -> f.severity().atLeast(threshold)).toList();
        if (!failing.isEmpty()) {
            TextReporter text = new TextReporter(false, true);
            StringBuilder sb = new StringBuilder("natlint found " + failing.size() + " problem"
                    + (failing.size() == 1 ? "" : "s") + " in " + report.path() + ":\n");
            for (Finding f : failing) {
                sb.append(text.line(f)).append('\n');
                for (String a : TextReporter.assumptionLines(f)) {
                    sb.append("    ").append(a).append('\n');
                }
                if (f.fix() != null) {
                    sb.append("    fix: ").append(f.fix().description()).append('\n');
                    for (String line : f.fix().snippet().split("\n")) {
                        sb.append("        ").append(line).append('\n');
                    }
                }
            }
            throw new AssertionFailedError(sb.toString());
        }
    }

    /** One dynamic test per {@code *.rsc} under {@code dir} (recursively), each failing on any error finding. */
    public static Stream<DynamicTest> scriptsUnder(Path dir) {
        return scriptsUnder(dir, Severity.ERROR);
    }

    public static Stream<DynamicTest> scriptsUnder(Path dir, Severity threshold) {
        NatLint natlint = NatLint.builder().build();
        List<Path> files;
        try {
            files = dev.natlint.SourceFiles.collect(List.of(dir)).files();
        } catch (NatLintException e) {
            throw new AssertionFailedError("natlint: " + e.getMessage());
        }
        return files.stream().map(f -> DynamicTest.dynamicTest(natlint.displayPath(f), f.toUri(),
                () -> assertNoFindings(f, threshold, natlint)));
    }
}
