package dev.natlint.rule;

import dev.natlint.diag.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

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

    /**
     * Where rule pages live in the repository; a page's link is this base, the id and {@code .md}.
     * Relative on purpose: it resolves in a checkout, in the repository's web view and inside the
     * rules jar (under {@link #DOCS_RESOURCE_BASE}), all without a network.
     */
    public static final String DOCS_BASE = "rules/docs/";

    /** The same pages as class-path resources, shipped in the rules jar. */
    public static final String DOCS_RESOURCE_BASE = "/dev/natlint/rules/docs/";

    /** The rule's page, as a path relative to the repository root: {@code rules/docs/<id>.md}. */
    public String docPath() {
        return docPath(id);
    }

    public static String docPath(String ruleId) {
        return DOCS_BASE + ruleId + ".md";
    }

    /** The rule's page as a class-path resource name. */
    public static String docResource(String ruleId) {
        return DOCS_RESOURCE_BASE + ruleId + ".md";
    }

    /**
     * Each rule class's metadata, read from its {@link RulePattern} once per class: {@link Rule#info()} is
     * called for every finding, and the page is read from the class path.
     */
    private static final ClassValue<RuleInfo> DECLARED = new ClassValue<>() {
        @Override
        protected RuleInfo computeValue(Class<?> type) {
            RulePattern p = patternOf(type);
            try (InputStream in = type.getResourceAsStream(docResource(p.id()))) {
                if (in == null) {
                    throw new IllegalStateException("rule " + p.id() + " has no documentation page " + docPath(p.id()));
                }
                return of(p, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    /** The metadata declared by {@code type}'s {@link RulePattern}, with its page from the class path as help. */
    public static RuleInfo of(Class<?> type) {
        return DECLARED.get(type);
    }

    /** {@code type}'s {@link RulePattern}; a rule class without one is a programming error. */
    public static RulePattern patternOf(Class<?> type) {
        RulePattern p = type.getAnnotation(RulePattern.class);
        if (p == null) {
            throw new IllegalStateException(type.getName() + " has no @RulePattern and does not override info()");
        }
        return p;
    }

    public static RuleInfo of(RulePattern p, String helpMarkdown) {
        return new RuleInfo(p.id(), p.severity(), p.summary(), p.description(), helpMarkdown);
    }

    /** This rule with another default severity (the user's setting). */
    public RuleInfo withSeverity(Severity severity) {
        return new RuleInfo(id, severity, summary, description, helpMarkdown);
    }
}
