package dev.natlint.net;

import dev.natlint.flow.packet.IntervalSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** RouterOS port lists: {@code 80}, {@code 80,443}, {@code 8000-8080}, or mixtures. */
public final class Ports {

    private Ports() {
    }

    public static Optional<IntervalSet> parse(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        List<long[]> ranges = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String[] ends = part.split("-", -1);
            if (ends.length > 2) {
                return Optional.empty();
            }
            Optional<Integer> lo = port(ends[0]);
            Optional<Integer> hi = ends.length == 2 ? port(ends[1]) : lo;
            if (lo.isEmpty() || hi.isEmpty() || lo.get() > hi.get()) {
                return Optional.empty();
            }
            ranges.add(new long[] {lo.get(), hi.get()});
        }
        return Optional.of(IntervalSet.ofIntervals(ranges));
    }

    private static Optional<Integer> port(String s) {
        if (!s.matches("\\d{1,5}") || Integer.parseInt(s) > 65535) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(s));
    }

    /** Back to RouterOS form, e.g. {@code 80,443,8000-8080}. */
    public static String format(IntervalSet ports) {
        return String.join(",", formatEach(ports));
    }

    /** Each interval as text ({@code 80}, {@code 8000-8010}), for JSON lists. */
    public static List<String> formatEach(IntervalSet ports) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < ports.intervalCount(); i++) {
            parts.add(ports.lo(i) == ports.hi(i) ? String.valueOf(ports.lo(i)) : ports.lo(i) + "-" + ports.hi(i));
        }
        return parts;
    }
}
