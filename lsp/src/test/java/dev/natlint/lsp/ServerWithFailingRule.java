package dev.natlint.lsp;

import dev.natlint.NatLint;
import dev.natlint.diag.Finding;
import dev.natlint.diag.Severity;
import dev.natlint.rule.Rule;
import dev.natlint.rule.RuleContext;
import dev.natlint.rule.RuleInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * The real server with every real rule plus one that fails like a bug would, run as a process of its own
 * by the tests: with an exception natlint isolates per rule (on {@link #TRIGGER}), or with an error that
 * escapes the whole check (on {@link #TRIGGER_ERROR}).
 */
public final class ServerWithFailingRule {

    static final String TRIGGER = "natlint-test-failure";
    static final String TRIGGER_ERROR = "natlint-test-error";

    private ServerWithFailingRule() {
    }

    public static void main(String[] args) {
        List<Rule> rules = new ArrayList<>(NatLint.discoverRules());
        rules.add(new Rule() {
            @Override
            public RuleInfo info() {
                return new RuleInfo("test-failing", Severity.ERROR, "fails on a marker", "fails on a marker", "# test\n");
            }

            @Override
            public List<Finding> check(RuleContext context) {
                if (context.text().contains(TRIGGER_ERROR)) {
                    throw new AssertionError("a broken invariant");
                }
                if (context.text().contains(TRIGGER)) {
                    throw new IllegalStateException("a bug in a rule");
                }
                return List.of();
            }
        });
        System.exit(LspMain.runOnStdio(NatLint.builder().rules(rules).build()));
    }
}
