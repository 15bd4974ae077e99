package dev.natlint.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * RouterOS port lists: {@code 80}, {@code 80,443}, {@code 8000-8080}, or mixtures, over 0..65535.
 *
 * <p>Unlike addresses, a port with leading zeros ({@code 080}) is read as decimal: there is no octal
 * reading to be confused with, and rejecting it would make the rule silently match nothing. Spaces,
 * empty items, reversed ranges and a leading {@code !} (negation is the caller's business) are rejected.
 */
public final class Ports {

    public static final int MAX = 65535;

    private Ports() {
    }

    /** The port list as a set; empty Optional when the text is not one. Never throws. */
    public static Optional<IntervalSet> parse(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        List<long[]> ranges = new ArrayList<>();
        int start = 0;
        while (start <= text.length()) {
            int comma = text.indexOf(',', start);
            int end = comma < 0 ? text.length() : comma;
            int dash = text.indexOf('-', start);
            long lo;
            long hi;
            if (dash >= 0 && dash < end) {
                lo = port(text, start, dash);
                hi = port(text, dash + 1, end);
            } else {
                lo = port(text, start, end);
                hi = lo;
            }
            if (lo < 0 || hi < 0 || lo > hi) {
                return Optional.empty();
            }
            ranges.add(new long[] {lo, hi});
            start = end + 1;
        }
        return Optional.of(IntervalSet.ofIntervals(ranges));
    }

    /** {@code text[from, to)} as a port number, -1 when it is not one (a second dash fails here). */
    private static int port(String text, int from, int to) {
        if (to - from < 1 || to - from > 5) {
            return -1;
        }
        int n = Ipv4.decimal(text, from, to);
        return n <= MAX ? n : -1;
    }

    /** Back to RouterOS form, e.g. {@code 80,443,8000-8080}; the empty set gives the empty string. */
    public static String format(IntervalSet ports) {
        return String.join(",", formatEach(ports));
    }

    /** Each interval as text ({@code 80}, {@code 8000-8010}), for JSON lists. */
    public static List<String> formatEach(IntervalSet ports) {
        List<String> parts = new ArrayList<>(ports.intervalCount());
        for (int i = 0; i < ports.intervalCount(); i++) {
            parts.add(ports.lo(i) == ports.hi(i) ? String.valueOf(ports.lo(i)) : ports.lo(i) + "-" + ports.hi(i));
        }
        return parts;
    }
}
