package dev.natlint.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes address sets for people and for tools: a CIDR prefix where an interval is exactly one, a
 * range otherwise. Ranges are preferred to long prefix lists in reports because
 * {@code 10.0.0.5-10.0.0.9} reads better than three prefixes; {@link #decompose} serves code that
 * needs pure prefixes (iptables, RouterOS fixes).
 */
public final class Cidrs {

    private Cidrs() {
    }

    /**
     * Each maximal interval of IPv4 addresses as {@code a.b.c.d/len} when it is exactly one aligned
     * prefix, else as {@code a.b.c.d-e.f.g.h}. Values beyond IPv4 (symbolic addresses) are left out;
     * {@code Universe.describe} adds their names.
     */
    public static List<String> render(IntervalSet addresses) {
        List<String> out = new ArrayList<>(addresses.intervalCount());
        for (int i = 0; i < addresses.intervalCount(); i++) {
            long lo = Math.max(addresses.lo(i), 0);
            long hi = Math.min(addresses.hi(i), Ipv4.MAX);
            if (lo > Ipv4.MAX) {
                break;
            }
            if (lo > hi) {
                continue;
            }
            Optional<Prefix> exact = asPrefix(lo, hi);
            out.add(exact.isPresent() ? exact.get().toString() : Ipv4.format(lo) + "-" + Ipv4.format(hi));
        }
        return out;
    }

    /** {@link #render} joined with commas, e.g. {@code 10.0.0.0/8,192.168.1.5-192.168.1.9}. */
    public static String format(IntervalSet addresses) {
        return String.join(",", render(addresses));
    }

    /** The prefix that is exactly {@code [lo, hi]}, if there is one. */
    public static Optional<Prefix> asPrefix(long lo, long hi) {
        checkRange(lo, hi);
        if (lo > hi) {
            return Optional.empty();
        }
        long size = hi - lo + 1;
        if ((size & (size - 1)) != 0 || (lo & (size - 1)) != 0) {
            return Optional.empty();
        }
        return Optional.of(new Prefix(lo, 32 - Long.numberOfTrailingZeros(size)));
    }

    /**
     * The minimal list of aligned prefixes covering exactly {@code [lo, hi]}, ascending; empty when
     * {@code lo > hi}. Greedy from the low end: at each step the largest prefix that starts there
     * and still fits is taken, which is optimal because any cover must start a prefix at {@code lo}
     * and a larger one there is never worse.
     */
    public static List<Prefix> decompose(long lo, long hi) {
        checkRange(lo, hi);
        List<Prefix> out = new ArrayList<>();
        long cur = lo;
        while (cur <= hi) {
            // alignment of cur bounds the block size; 0 is aligned to everything
            int bits = cur == 0 ? 32 : Long.numberOfTrailingZeros(cur);
            while (bits > 0 && cur + (1L << bits) - 1 > hi) {
                bits--;
            }
            out.add(new Prefix(cur, 32 - bits));
            cur += 1L << bits;
        }
        return out;
    }

    /** {@link #decompose} as text, e.g. {@code [10.0.0.5/32, 10.0.0.6/31, 10.0.0.8/31]}. */
    public static List<String> prefixes(long lo, long hi) {
        List<String> out = new ArrayList<>();
        for (Prefix p : decompose(lo, hi)) {
            out.add(p.toString());
        }
        return out;
    }

    /** Every interval of a set of IPv4 addresses as prefixes; symbolic values are left out. */
    public static List<Prefix> decompose(IntervalSet addresses) {
        List<Prefix> out = new ArrayList<>();
        for (int i = 0; i < addresses.intervalCount(); i++) {
            long lo = Math.max(addresses.lo(i), 0);
            long hi = Math.min(addresses.hi(i), Ipv4.MAX);
            if (lo <= hi) {
                out.addAll(decompose(lo, hi));
            }
        }
        return out;
    }

    private static void checkRange(long lo, long hi) {
        if (lo <= hi && (lo < 0 || hi > Ipv4.MAX)) {
            throw new IllegalArgumentException("not an IPv4 range: " + lo + "-" + hi);
        }
    }
}
