package dev.natlint.diag;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * One problem found in one file, pointing at the line where the offending command starts.
 *
 * @param assumptions what the finding's verdict rests on that natlint did not analyse, sorted by line;
 *                    empty when the verdict is exact
 * @param related     other lines involved (a dropping filter rule, an earlier rule taking the traffic
 *                    first), for front ends that can show them; empty when the finding has none
 */
public record Finding(String ruleId, Severity severity, Location location, String message, Fix fix,
                      List<Assumption> assumptions, List<Related> related) implements Comparable<Finding> {

    /** The order every report uses: file, line, column, rule id, then message for full determinism. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::location)
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::message);

    public Finding {
        if (ruleId == null || severity == null || location == null || message == null) {
            throw new IllegalArgumentException("ruleId, severity, location and message are required");
        }
        assumptions = assumptions == null || assumptions.isEmpty() ? List.of() : List.copyOf(new TreeSet<>(assumptions));
        related = related == null ? List.of() : List.copyOf(related);
    }

    public Finding(String ruleId, Severity severity, Location location, String message, Fix fix,
                   List<Assumption> assumptions) {
        this(ruleId, severity, location, message, fix, assumptions, List.of());
    }

    public Finding(String ruleId, Severity severity, Location location, String message, Fix fix) {
        this(ruleId, severity, location, message, fix, List.of());
    }

    public Finding(String ruleId, Severity severity, Location location, String message) {
        this(ruleId, severity, location, message, null, List.of());
    }

    /** How sure the verdict behind this finding is. */
    public Certainty certainty() {
        return Certainty.of(assumptions);
    }

    public Optional<Fix> optionalFix() {
        return Optional.ofNullable(fix);
    }

    public Finding withSeverity(Severity newSeverity) {
        return new Finding(ruleId, newSeverity, location, message, fix, assumptions, related);
    }

    @Override
    public int compareTo(Finding o) {
        return ORDER.compare(this, o);
    }
}
