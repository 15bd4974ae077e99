package dev.natlint.junit;

import dev.natlint.NatLint;
import dev.natlint.NatLintException;
import dev.natlint.SourceFiles;
import dev.natlint.config.Settings;
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
 * Every method fails on the same findings as {@code natlint check}: those at or above {@code error},
 * or the {@code fail-on} of the nearest {@code natlint.toml}, whose rule settings and excludes apply
 * too. A failure's message lists every finding with its fix snippet and its rule's page.
 */
public final class NatLintAssertions {

    private NatLintAssertions() {
    }

    /** Fails when the script has a finding at or above the threshold (natlint.toml's fail-on, else error). */
    public static void assertNoFindings(Path script) {
        Configured c = configured(script);
        if (c.threshold != null) {
            assertNoFindings(script, c.threshold, c.natlint);
        }
    }

    /** Fails when the script has a finding at or above {@code threshold}. */
    public static void assertNoFindings(Path script, Severity threshold) {
        assertNoFindings(script, threshold, configured(script).natlint);
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
                sb.append("    ").append(TextReporter.docLine(f)).append('\n');
            }
            throw new AssertionFailedError(sb.toString());
        }
    }

    /**
     * One dynamic test per script under {@code dir} (recursively, {@code *.rsc} in any case, less
     * natlint.toml's excludes), each failing as {@link #assertNoFindings(Path)} does. A directory that
     * holds no script fails the factory itself: a test suite that checks nothing must not pass.
     */
    public static Stream<DynamicTest> scriptsUnder(Path dir) {
        Configured c = configured(dir);
        return c.threshold == null ? scripts(dir, c).map(f -> DynamicTest.dynamicTest(c.natlint.displayPath(f), f.toUri(), () -> { }))
                : scriptsUnder(dir, c.threshold, c);
    }

    public static Stream<DynamicTest> scriptsUnder(Path dir, Severity threshold) {
        return scriptsUnder(dir, threshold, configured(dir));
    }

    private static Stream<DynamicTest> scriptsUnder(Path dir, Severity threshold, Configured c) {
        return scripts(dir, c).map(f -> DynamicTest.dynamicTest(c.natlint.displayPath(f), f.toUri(),
                () -> assertNoFindings(f, threshold, c.natlint)));
    }

    private static Stream<Path> scripts(Path dir, Configured c) {
        SourceFiles.Filter filter = SourceFiles.Filter.excluding(c.settings.exclude());
        SourceFiles.Found found;
        try {
            found = SourceFiles.collect(List.of(dir), filter);
        } catch (NatLintException e) {
            throw new AssertionFailedError("natlint: " + e.getMessage());
        }
        if (!found.empty().isEmpty()) {
            throw new AssertionFailedError("natlint: nothing to check: no script in " + dir + " (" + filter.describe() + ")");
        }
        return found.files().stream();
    }

    private record Configured(Settings settings, NatLint natlint, Severity threshold) {
    }

    /** The nearest natlint.toml's settings, as the command line would read them for {@code path}. */
    private static Configured configured(Path path) {
        try {
            Path file = Settings.find(path).orElse(null);
            Settings settings = file == null ? Settings.NONE : Settings.load(file);
            return new Configured(settings, settings.applyTo(NatLint.builder()).build(), settings.threshold(null));
        } catch (NatLintException | IllegalArgumentException e) {
            throw new AssertionFailedError("natlint: " + e.getMessage());
        }
    }
}
