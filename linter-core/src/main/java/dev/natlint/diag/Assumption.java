package dev.natlint.diag;

import java.util.ArrayList;
import java.util.List;

/**
 * Something a verdict rests on that natlint did not analyse, at the line of the construct that causes
 * it: {@code time=8h-17h is not analysed; assumed to match} at line 23.
 *
 * @param certainty {@link Certainty#ASSUMED} or {@link Certainty#UNKNOWN}
 */
public record Assumption(int line, String reason, Certainty certainty) implements Comparable<Assumption> {

    public Assumption {
        if (reason == null || certainty == null || certainty == Certainty.EXACT) {
            throw new IllegalArgumentException("an assumption needs a reason and is assumed or unknown");
        }
    }

    public static Assumption assumed(int line, String reason) {
        return new Assumption(line, reason, Certainty.ASSUMED);
    }

    public static Assumption unknown(int line, String reason) {
        return new Assumption(line, reason, Certainty.UNKNOWN);
    }

    /** {@code reason (line N)}, the form every report prints. */
    public String describe() {
        return reason + (line > 0 ? " (line " + line + ")" : "");
    }

    /** {@code a} then the members of {@code b} not in it, without copying when {@code b} adds nothing. */
    public static List<Assumption> merge(List<Assumption> a, List<Assumption> b) {
        if (b.isEmpty() || a.containsAll(b)) {
            return a;
        }
        if (a.isEmpty()) {
            return b;
        }
        List<Assumption> m = new ArrayList<>(a);
        b.stream().filter(x -> !m.contains(x)).forEach(m::add);
        return List.copyOf(m);
    }

    @Override
    public int compareTo(Assumption o) {
        int c = Integer.compare(line, o.line);
        return c != 0 ? c : reason.compareTo(o.reason);
    }
}
