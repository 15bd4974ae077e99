package dev.natlint.diag;

import java.util.Comparator;
import java.util.Optional;

/** One problem found in one file, pointing at the line where the offending command starts. */
public record Finding(String ruleId, Severity severity, Location location, String message, Fix fix)
        implements Comparable<Finding> {

    /** The order every report uses: file, line, column, rule id, then message for full determinism. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::location)
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::message);

    public Finding {
        if (ruleId == null || severity == null || location == null || message == null) {
            throw new IllegalArgumentException("ruleId, severity, location and message are required");
        }
    }

    public Finding(String ruleId, Severity severity, Location location, String message) {
        this(ruleId, severity, location, message, null);
    }

    public Optional<Fix> optionalFix() {
        return Optional.ofNullable(fix);
    }

    public Finding withSeverity(Severity newSeverity) {
        return new Finding(ruleId, newSeverity, location, message, fix);
    }

    @Override
    public int compareTo(Finding o) {
        return ORDER.compare(this, o);
    }
}
