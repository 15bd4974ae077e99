package dev.natlint.rule;

import dev.natlint.diag.Severity;

/**
 * What a rule is, independent of any configuration: its stable id, default severity, a one-line
 * summary, a paragraph describing what breaks, and the Markdown help page (what breaks, an example,
 * the fix, when to suppress).
 */
public record RuleInfo(String id, Severity defaultSeverity, String summary, String description, String helpMarkdown) {

    public RuleInfo {
        if (id == null || defaultSeverity == null || summary == null || description == null || helpMarkdown == null) {
            throw new IllegalArgumentException("every RuleInfo field is required");
        }
    }
}
