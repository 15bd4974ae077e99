package dev.natlint.testconfigs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.natlint.NatLint;
import dev.natlint.diag.Finding;
import dev.natlint.flow.Flow;
import dev.natlint.flow.FlowAnalyzer;
import dev.natlint.flow.ForwardFlows;
import dev.natlint.flow.Verdict;
import dev.natlint.report.FileReport;
import dev.natlint.rule.RuleContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The guard against silent verdicts: every flow that does not work reaches a finding at the line of its
 * forward or of a rule that decided it, unless the forward's author left those clients out on purpose.
 * Run over every test config and every real export.
 */
class EveryBrokenFlowIsReportedTest {

    private static final NatLint LINT = NatLint.builder().build();

    @TestFactory
    Stream<DynamicTest> testConfigs() throws IOException {
        return scripts(Path.of("rules"), Path.of("scenarios"), Path.of("roles"));
    }

    @TestFactory
    Stream<DynamicTest> realExports() throws IOException {
        Path corpus = Path.of(System.getProperty("natlint.shared.dir", "../../shared"), "corpus", "real");
        if (!Files.isDirectory(corpus)) {
            Assumptions.abort("../shared/corpus/real not found: real-export guard skipped");
        }
        return scripts(corpus);
    }

    private static Stream<DynamicTest> scripts(Path... roots) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> s = Files.walk(root)) {
                s.filter(p -> p.toString().endsWith(".rsc")).sorted().forEach(files::add);
            }
        }
        assertThat(files).isNotEmpty();
        return files.stream().map(p -> DynamicTest.dynamicTest(p.toString(), () -> check(p)));
    }

    private static void check(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.ISO_8859_1);
        FileReport report = LINT.checkText(file.toString(), text);
        Set<Integer> reported = new TreeSet<>();
        for (Finding f : report.findings()) {
            reported.add(f.location().line());
        }
        List<String> silent = new ArrayList<>();
        RuleContext ctx = RuleContext.of(file.toString(), text);
        for (ForwardFlows ff : ctx.flows()) {
            for (Flow f : ff.flows()) {
                if (f.works() || onPurpose(ff, f)) {
                    continue;
                }
                boolean seen = reported.contains(ff.forward().line())
                        || (f.decisive() != null && reported.contains(f.decisive().location().line()))
                        || (f.related() != null && reported.contains(f.related().location().line()));
                if (!seen) {
                    silent.add("forward at line " + ff.forward().line() + ", " + f.source().name() + ": " + f.verdict().id()
                            + (f.decisive() == null ? "" : " by line " + f.decisive().location().line()));
                }
            }
        }
        assertThat(silent).as("broken flows without a finding in %s", file).isEmpty();
    }

    /**
     * Clients the author left out: internet packets that never reach the forward (its matchers or the
     * jump to its chain exclude them), clients another forward serves on the same port, and internet
     * sources a filter rule drops while other internet clients of the forward work (a blocklist).
     */
    private static boolean onPurpose(ForwardFlows ff, Flow f) {
        if (f.verdict() == Verdict.SHADOWED && f.decisive() != null && f.decisive().action().equals("dst-nat")) {
            return true;
        }
        if (!f.source().internet()) {
            return false;
        }
        return f.verdict() == Verdict.NO_DST_NAT
                || (f.verdict() == Verdict.FILTERED && ff.flows().stream().anyMatch(o -> o.source().internet() && o.works()));
    }
}
