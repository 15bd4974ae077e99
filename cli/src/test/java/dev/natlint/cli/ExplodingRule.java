package dev.natlint.cli;

import dev.natlint.diag.Finding;
import dev.natlint.diag.Severity;
import dev.natlint.rule.Rule;
import dev.natlint.rule.RuleContext;
import dev.natlint.rule.RuleInfo;
import java.util.List;

/**
 * A stage that fails, registered only on the test class path: it throws on scripts containing
 * {@link #MARKER} and finds nothing elsewhere, so tests can prove that one failing file or stage never
 * hides the findings of the others.
 */
public final class ExplodingRule implements Rule {

    static final String MARKER = "natlint-test: explode";

    @Override
    public RuleInfo info() {
        return new RuleInfo("test-exploding-stage", Severity.ERROR, "test only: fails on marked scripts",
                "Registered on the test class path to inject a failing stage.", "# test-exploding-stage\n");
    }

    @Override
    public List<Finding> check(RuleContext context) {
        if (context.text().contains(MARKER)) {
            throw new IllegalStateException("injected failure");
        }
        return List.of();
    }
}
