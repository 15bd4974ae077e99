package dev.natlint.rule;

import dev.natlint.diag.Severity;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A rule's metadata, written once on its class; {@link Rule#info()} is derived from it, and the rule's
 * page is {@code rules/docs/<id>.md} ({@link RuleInfo#docPath(String)}). The README table, the docs
 * index and the pages are checked against these values by tests, so they cannot drift apart.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RulePattern {

    /** The stable id users write in suppressions and settings; also names the rule's page. */
    String id();

    /** The severity findings get unless the user sets another. */
    Severity severity();

    /** One line: what is wrong, as the rule table and {@code natlint rules} print it. */
    String summary();

    /** A paragraph on what breaks (SARIF's full description). */
    String description();
}
