package dev.natlint.rules;

import dev.natlint.diag.Finding;
import dev.natlint.diag.Fix;
import dev.natlint.diag.Location;
import dev.natlint.diag.Severity;
import dev.natlint.rule.Rule;
import dev.natlint.rule.RuleInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Holds a rule's metadata next to its code; the help text is the rule's page in {@code rules/docs}. */
abstract class BaseRule implements Rule {

    private final RuleInfo info;

    BaseRule(String id, Severity severity, String summary, String description) {
        this.info = new RuleInfo(id, severity, summary, description, page(id));
    }

    @Override
    public RuleInfo info() {
        return info;
    }

    Finding finding(Location at, String message, Fix fix) {
        return new Finding(info.id(), info.defaultSeverity(), at, message, fix);
    }

    static String page(String id) {
        try (InputStream in = BaseRule.class.getResourceAsStream("/dev/natlint/rules/docs/" + id + ".md")) {
            if (in == null) {
                throw new IllegalStateException("rule " + id + " has no documentation page rules/docs/" + id + ".md");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
