package dev.natlint.flow.packet;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * An immutable set of {@code long} values as sorted, disjoint, non-adjacent closed intervals.
 *
 * <p>The representation is canonical, so two sets hold the same values exactly when they are
 * {@link #equals equal}; packet sets rely on that to coalesce boxes through hash maps. Bounds are
 * stored flat ({@code lo0, hi0, lo1, hi1, ...}) because the analyzer creates millions of these and
 * an object per interval would dominate its memory and time. The whole {@code long} range is
 * allowed; the merge loops are written so that {@code Long.MIN_VALUE} and {@code Long.MAX_VALUE}
 * never overflow.
 *
 * <p>Hot callers walk the intervals with {@link #intervalCount()}, {@link #lo(int)} and
 * {@link #hi(int)}; {@link #iterator()} is the convenient, allocating alternative.
 */
public final class IntervalSet implements Iterable<IntervalSet.Interval> {

    /** One closed interval {@code [lo, hi]} of a set, for callers that prefer objects to indices. */
    public record Interval(long lo, long hi) {

        public Interval {
            if (lo > hi) {
                throw new IllegalArgumentException("interval " + lo + "-" + hi + " is reversed");
            }
        }
    }

    private static final long[] NO_BOUNDS = new long[0];
    private static final IntervalSet EMPTY = new IntervalSet(NO_BOUNDS);

    private final long[] b;
    /** Cached hash; sets are keys of the maps that coalesce packet sets. 0 means not yet computed. */
    private int hash;

    private IntervalSet(long[] bounds) {
        this.b = bounds;
    }

    public static IntervalSet empty() {
        return EMPTY;
    }

    /** {@code [lo, hi]}; the empty set when {@code lo > hi}, so callers need not special-case it. */
    public static IntervalSet of(long lo, long hi) {
        return lo > hi ? EMPTY : new IntervalSet(new long[] {lo, hi});
    }

    public static IntervalSet point(long x) {
        return new IntervalSet(new long[] {x, x});
    }

    /**
     * Builds a canonical set from arbitrary (possibly overlapping, unsorted) {@code {lo, hi}} pairs;
     * reversed pairs are ignored. Meant for parsers, not for hot paths.
     */
    public static IntervalSet ofIntervals(List<long[]> intervals) {
        List<long[]> sorted = new ArrayList<>(intervals.size());
        for (long[] iv : intervals) {
            if (iv[0] <= iv[1]) {
                sorted.add(iv);
            }
        }
        sorted.sort((x, y) -> Long.compare(x[0], y[0]));
        long[] out = new long[sorted.size() * 2];
        int n = 0;
        for (long[] iv : sorted) {
            n = append(out, n, iv[0], iv[1]);
        }
        return n == 0 ? EMPTY : new IntervalSet(Arrays.copyOf(out, n));
    }

    /**
     * Appends {@code [lo, hi]} to bounds built in ascending order of {@code lo}, merging it into the
     * last interval when they overlap or touch. Returns the new length.
     */
    private static int append(long[] out, int n, long lo, long hi) {
        if (n > 0 && touches(out[n - 1], lo)) {
            out[n - 1] = Math.max(out[n - 1], hi);
            return n;
        }
        out[n] = lo;
        out[n + 1] = hi;
        return n + 2;
    }

    /**
     * Whether an interval starting at {@code lo} overlaps or is adjacent to one ending at
     * {@code prevHi}. Written without {@code prevHi + 1}, which would wrap at {@code Long.MAX_VALUE}.
     */
    private static boolean touches(long prevHi, long lo) {
        // when lo > prevHi, lo > Long.MIN_VALUE, so lo - 1 cannot wrap
        return lo <= prevHi || lo - 1 == prevHi;
    }

    public boolean isEmpty() {
        return b.length == 0;
    }

    public int intervalCount() {
        return b.length / 2;
    }

    /** Lower bound of the {@code i}-th interval (0-based, ascending). */
    public long lo(int i) {
        return b[2 * i];
    }

    /** Upper bound (inclusive) of the {@code i}-th interval. */
    public long hi(int i) {
        return b[2 * i + 1];
    }

    /** @throws IllegalStateException for the empty set, which has no minimum */
    public long min() {
        if (b.length == 0) {
            throw new IllegalStateException("empty set has no minimum");
        }
        return b[0];
    }

    /** @throws IllegalStateException for the empty set, which has no maximum */
    public long max() {
        if (b.length == 0) {
            throw new IllegalStateException("empty set has no maximum");
        }
        return b[b.length - 1];
    }

    /**
     * Number of values in the set, saturating at {@code Long.MAX_VALUE}: only sets spanning more
     * than half of the {@code long} range reach it, and no packet domain comes near that.
     */
    public long size() {
        long n = 0;
        for (int i = 0; i < b.length; i += 2) {
            long width = b[i + 1] - b[i];
            // hi >= lo, so a negative difference means it wrapped
            if (width < 0 || width == Long.MAX_VALUE) {
                return Long.MAX_VALUE;
            }
            n += width + 1;
            if (n < 0) {
                return Long.MAX_VALUE;
            }
        }
        return n;
    }

    public boolean contains(long x) {
        int lo = 0;
        int hi = b.length / 2 - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (x < b[2 * mid]) {
                hi = mid - 1;
            } else if (x > b[2 * mid + 1]) {
                lo = mid + 1;
            } else {
                return true;
            }
        }
        return false;
    }

    /** True when the two sets share a value; no allocation, for the hot disjointness tests. */
    public boolean intersects(IntervalSet o) {
        if (b.length == 0 || o.b.length == 0 || b[b.length - 1] < o.b[0] || o.b[o.b.length - 1] < b[0]) {
            return false;
        }
        int i = 0;
        int j = 0;
        while (i < b.length && j < o.b.length) {
            if (Math.max(b[i], o.b[j]) <= Math.min(b[i + 1], o.b[j + 1])) {
                return true;
            }
            if (b[i + 1] < o.b[j + 1]) {
                i += 2;
            } else {
                j += 2;
            }
        }
        return false;
    }

    /** True when every value of {@code other} is in this set; linear and allocation-free. */
    public boolean containsAll(IntervalSet other) {
        int i = 0;
        for (int j = 0; j < other.b.length; j += 2) {
            // canonical form: an interval of other lies inside one interval of this, or it is not covered
            while (i < b.length && b[i + 1] < other.b[j]) {
                i += 2;
            }
            if (i == b.length || b[i] > other.b[j] || b[i + 1] < other.b[j + 1]) {
                return false;
            }
        }
        return true;
    }

    public IntervalSet union(IntervalSet o) {
        if (o.b.length == 0 || o == this) {
            return this;
        }
        if (b.length == 0) {
            return o;
        }
        long[] out = new long[b.length + o.b.length];
        int n = 0;
        int i = 0;
        int j = 0;
        while (i < b.length || j < o.b.length) {
            if (j >= o.b.length || (i < b.length && b[i] <= o.b[j])) {
                n = append(out, n, b[i], b[i + 1]);
                i += 2;
            } else {
                n = append(out, n, o.b[j], o.b[j + 1]);
                j += 2;
            }
        }
        if (n == b.length && Arrays.equals(b, 0, n, out, 0, n)) {
            return this;
        }
        return new IntervalSet(n == out.length ? out : Arrays.copyOf(out, n));
    }

    public IntervalSet intersect(IntervalSet o) {
        if (b.length == 0 || o.b.length == 0) {
            return EMPTY;
        }
        if (o == this) {
            return this;
        }
        long[] out = new long[b.length + o.b.length];
        int n = 0;
        int i = 0;
        int j = 0;
        while (i < b.length && j < o.b.length) {
            long lo = Math.max(b[i], o.b[j]);
            long hi = Math.min(b[i + 1], o.b[j + 1]);
            if (lo <= hi) {
                out[n++] = lo;
                out[n++] = hi;
            }
            if (b[i + 1] < o.b[j + 1]) {
                i += 2;
            } else {
                j += 2;
            }
        }
        // returning an existing instance keeps identity checks (and cached hashes) useful upstream
        if (n == b.length && Arrays.equals(b, 0, n, out, 0, n)) {
            return this;
        }
        if (n == o.b.length && Arrays.equals(o.b, 0, n, out, 0, n)) {
            return o;
        }
        return n == 0 ? EMPTY : new IntervalSet(Arrays.copyOf(out, n));
    }

    public IntervalSet subtract(IntervalSet o) {
        if (b.length == 0 || o.b.length == 0 || !intersects(o)) {
            return this;
        }
        // each interval of o splits at most one interval of this into two, so this bound suffices
        long[] out = new long[b.length + o.b.length];
        int n = 0;
        int j = 0;
        for (int i = 0; i < b.length; i += 2) {
            long lo = b[i];
            long hi = b[i + 1];
            while (j < o.b.length && o.b[j + 1] < lo) {
                j += 2;
            }
            boolean coveredToEnd = false;
            for (int k = j; k < o.b.length && o.b[k] <= hi; k += 2) {
                if (o.b[k] > lo) {
                    out[n++] = lo;
                    out[n++] = o.b[k] - 1;
                }
                if (o.b[k + 1] >= hi) {
                    coveredToEnd = true;
                    break;
                }
                // o.b[k + 1] < hi here, so the + 1 cannot wrap
                lo = Math.max(lo, o.b[k + 1] + 1);
            }
            if (!coveredToEnd) {
                out[n++] = lo;
                out[n++] = hi;
            }
        }
        return n == 0 ? EMPTY : new IntervalSet(Arrays.copyOf(out, n));
    }

    /** Everything in {@code [domainLo, domainHi]} that is not in this set. */
    public IntervalSet complement(long domainLo, long domainHi) {
        return of(domainLo, domainHi).subtract(this);
    }

    /** The intervals as an unmodifiable list view (no copy of the bounds). */
    public List<Interval> intervals() {
        return new AbstractList<>() {
            @Override
            public Interval get(int index) {
                return new Interval(lo(index), hi(index));
            }

            @Override
            public int size() {
                return intervalCount();
            }
        };
    }

    @Override
    public Iterator<Interval> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < b.length;
            }

            @Override
            public Interval next() {
                if (next >= b.length) {
                    throw new NoSuchElementException();
                }
                Interval iv = new Interval(b[next], b[next + 1]);
                next += 2;
                return iv;
            }
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IntervalSet s && (s == this || Arrays.equals(b, s.b));
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            long x = 0x9E3779B97F4A7C15L;
            for (long v : b) {
                x = (x ^ v) * 0xBF58476D1CE4E5B9L; // addresses alone hash badly: spread their bits
                x ^= x >>> 31;
            }
            h = (int) (x ^ (x >>> 32)) | 1;
            hash = h;
        }
        return h;
    }

    /** Plain numbers, e.g. {@code {80, 443, 8000-8080}}; see {@code Universe} for field-aware text. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < b.length; i += 2) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(b[i]);
            if (b[i + 1] != b[i]) {
                sb.append('-').append(b[i + 1]);
            }
        }
        return sb.append('}').toString();
    }
}
