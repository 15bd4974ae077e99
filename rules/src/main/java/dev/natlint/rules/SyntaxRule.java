package dev.natlint.rules;

import dev.natlint.diag.Finding;
import dev.natlint.diag.Severity;
import dev.natlint.parse.RouterOsReader;
import dev.natlint.rule.RuleContext;
import dev.natlint.rule.RulePattern;
import java.util.List;

/** Lines RouterOS would refuse; reported by the parser, which reads on past them. */
@RulePattern(id = RouterOsReader.SYNTAX_RULE, severity = Severity.ERROR,
        summary = "A line RouterOS cannot read",
        description = "The line is not valid RouterOS script syntax (an unclosed quote or bracket, a stray character), so"
                + " the router would reject it on import and natlint leaves the command out of its analysis.")
public final class SyntaxRule extends BaseRule {

    @Override
    public List<Finding> check(RuleContext context) {
        return context.script().syntaxFindings();
    }
}
