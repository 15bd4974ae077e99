package dev.natlint.it;

import dev.natlint.diag.Finding;
import dev.natlint.diag.Severity;
import dev.natlint.rule.Rule;
import dev.natlint.rule.RuleContext;
import dev.natlint.rule.RuleInfo;
import java.util.List;

/** Injects a failing stage: throws on scripts that contain the marker, finds nothing elsewhere. */
public final class ExplodingStage implements Rule {

    @Override
    public RuleInfo info() {
        return new RuleInfo("test-exploding-stage", Severity.ERROR, "test only: fails on marked scripts",
                "Injects a failing stage.", "# test-exploding-stage\n");
    }

    @Override
    public List<Finding> check(RuleContext context) {
        if (context.text().contains("natlint-test: explode")) {
            throw new IllegalStateException("injected failure");
        }
        return List.of();
    }
}
