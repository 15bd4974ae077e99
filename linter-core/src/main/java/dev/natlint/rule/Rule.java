package dev.natlint.rule;

import dev.natlint.diag.Finding;
import java.util.List;

/**
 * A check. Implementations live in the {@code rules} module, one class per rule, and are found through
 * {@link java.util.ServiceLoader}; each carries its own metadata in {@link #info()}.
 */
public interface Rule {

    RuleInfo info();

    /** Findings for one file, with the rule's default severity; the engine applies user overrides. */
    List<Finding> check(RuleContext context);
}
