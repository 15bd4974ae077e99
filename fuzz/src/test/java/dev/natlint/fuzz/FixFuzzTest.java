package dev.natlint.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import com.code_intelligence.jazzer.mutation.annotation.WithLength;
import dev.natlint.diag.Finding;
import dev.natlint.diag.Fix;
import dev.natlint.rule.Rule;
import dev.natlint.rule.RuleContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Fix application: every fix natlint prints is appended to the script, as a user would paste it (and
 * as {@link RuleContext#withAppended} does when natlint checks a fix), and the script is checked again.
 * Properties: nothing throws; the incremental re-analysis ({@code withAppended}) gives the same
 * findings as reading the whole fixed script afresh; and on a script natlint reads without syntax
 * errors, the appended snippet adds none (a fix is valid RouterOS as natlint reads it).
 */
public class FixFuzzTest {

    private static final List<Rule> RULES = dev.natlint.NatLint.discoverRules();
    /** Fixes applied per input, so one input with hundreds of findings does not take minutes. */
    static final int MAX_FIXES = 6;

    @FuzzTest(maxDuration = "30s")
    void fuzzFixes(@NotNull @WithLength(max = FuzzInput.MAX_BYTES) byte[] input) {
        fixProperties(FuzzInput.decode(input));
    }

    public static void fixProperties(String text) {
        RuleContext original = RuleContext.of("fuzz.rsc", text);
        Set<String> snippets = new LinkedHashSet<>();
        for (Finding f : run(original)) {
            f.optionalFix().map(Fix::snippet).ifPresent(snippets::add);
        }
        boolean cleanBefore = original.script().syntaxFindings().isEmpty();
        int applied = 0;
        for (String snippet : snippets) {
            if (applied++ == MAX_FIXES) {
                break;
            }
            RuleContext incremental = original.withAppended(snippet);
            String fixedText = incremental.text();
            RuleContext fresh = RuleContext.of("fuzz.rsc", fixedText);
            List<Finding> viaAppend = run(incremental);
            List<Finding> viaFile = run(fresh);
            assertThat(viaAppend)
                    .as("findings after appending the fix incrementally vs. reading the fixed file:\n%s", snippet)
                    .isEqualTo(viaFile);
            if (cleanBefore) {
                assertThat(fresh.script().syntaxFindings()).as("syntax findings in the fix\n%s", snippet).isEmpty();
            }
        }
    }

    /** The same properties over every test config and every real export (read in place). */
    @Test
    void fixPropertiesHoldOnEveryKnownScript() throws IOException {
        for (Path p : PipelineFuzzTest.knownScripts()) {
            fixProperties(new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
        }
    }

    /** Every rule over one context, in report order (what NatLint.checkText does, minus suppressions). */
    static List<Finding> run(RuleContext ctx) {
        List<Finding> all = new ArrayList<>();
        for (Rule r : RULES) {
            all.addAll(r.check(ctx));
        }
        return List.copyOf(new TreeSet<>(all));
    }
}
