package dev.natlint.rule;

import dev.natlint.diag.Finding;
import java.util.List;

/**
 * A check. Implementations live in the {@code rules} module, one class per rule, and are found through
 * {@link java.util.ServiceLoader}; each declares its metadata once, in a {@link RulePattern} on its class.
 */
public interface Rule {

    /** The metadata of the class's {@link RulePattern}; a rule built at run time (a test's) may override it. */
    default RuleInfo info() {
        return RuleInfo.of(getClass());
    }

    /** Findings for one file, with the rule's default severity; the engine applies user overrides. */
    List<Finding> check(RuleContext context);
}
