package dev.natlint.rules;

import dev.natlint.diag.Finding;
import dev.natlint.diag.Severity;
import dev.natlint.parse.RouterOsReader;
import dev.natlint.rule.RuleContext;
import java.util.List;

/** Lines RouterOS would refuse; reported by the parser, which reads on past them. */
public final class SyntaxRule extends BaseRule {

    public SyntaxRule() {
        super(RouterOsReader.SYNTAX_RULE, Severity.ERROR, "A line RouterOS cannot read",
                "The line is not valid RouterOS script syntax (an unclosed quote or bracket, a stray character), so"
                        + " the router would reject it on import and natlint leaves the command out of its analysis.");
    }

    @Override
    public List<Finding> check(RuleContext context) {
        return context.script().syntaxFindings();
    }
}
