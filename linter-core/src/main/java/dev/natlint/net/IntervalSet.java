package dev.natlint.net;

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
    /**
     * The last few results of operations on this set with large operands, newest first. The analyzer
     * applies the same address lists to the same internet set for every forward; remembering the
     * results turns that repeated linear work into lookups, and makes equal results the same
     * instance, so their hashes are computed once. A new array replaces the old one on every entry;
     * a thread that sees it before its elements reads nulls and recomputes, which is still correct.
     */
    private Memo[] memo;

    private enum Op { UNION, INTERSECT, SUBTRACT }

    private record Memo(Op op, IntervalSet arg, IntervalSet result) {
    }

    /** Sets with fewer bounds than this are cheaper to recompute than to look up. */
    private static final int MEMO_MIN_BOUNDS = 128;
    private static final int MEMO_ENTRIES = 6;

    private IntervalSet apply(Op op, IntervalSet o) {
        if (b.length < MEMO_MIN_BOUNDS && o.b.length < MEMO_MIN_BOUNDS) {
            return compute(op, o);
        }
        Memo[] known = memo;
        if (known != null) {
            for (Memo m : known) {
                if (m != null && m.op() == op && m.arg() == o) {
                    return m.result();
                }
            }
        }
        IntervalSet result = compute(op, o);
        int keep = known == null ? 0 : Math.min(known.length, MEMO_ENTRIES - 1);
        Memo[] next = new Memo[keep + 1];
        next[0] = new Memo(op, o, result);
        if (keep > 0) {
            System.arraycopy(known, 0, next, 1, keep);
        }
        memo = next;
        return result;
    }

    private IntervalSet compute(Op op, IntervalSet o) {
        return switch (op) {
            case UNION -> unionComputed(o);
            case INTERSECT -> intersectComputed(o);
            case SUBTRACT -> subtractComputed(o);
        };
    }

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
     * The union of many sets, merged pairwise like a merge sort: O(n log k) for k sets of n intervals
     * in all, where adding them one by one to a growing set would be quadratic (an address list of
     * 50,000 entries).
     */
    public static IntervalSet unionAll(List<IntervalSet> sets) {
        return unionAll(sets, 0, sets.size());
    }

    private static IntervalSet unionAll(List<IntervalSet> sets, int from, int to) {
        if (to - from == 0) {
            return EMPTY;
        }
        if (to - from == 1) {
            return sets.get(from);
        }
        int mid = (from + to) >>> 1;
        return unionAll(sets, from, mid).union(unionAll(sets, mid, to));
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
        // walk the smaller set and seek in the larger: an address list of thousands of entries is
        // tested against a handful of LAN prefixes once per rule and forward
        long[] small = b.length <= o.b.length ? b : o.b;
        long[] large = small == b ? o.b : b;
        int j = 0;
        for (int i = 0; i < small.length; i += 2) {
            j = seek(large, j, small[i]);
            if (j == large.length) {
                return false;
            }
            if (large[j] <= small[i + 1]) {
                return true;
            }
        }
        return false;
    }

    /**
     * The index (even) of the first interval of {@code a}, at or after index {@code from}, whose upper
     * bound is at least {@code x}; {@code a.length} when there is none. Gallops from {@code from} and
     * then bisects, so a walk over a whole set costs O(m log(n/m)) rather than O(n).
     */
    private static int seek(long[] a, int from, long x) {
        int n = a.length / 2;
        int lo = from / 2;
        if (lo >= n || a[2 * lo + 1] >= x) {
            return 2 * lo;
        }
        // invariant: interval lo ends below x
        int step = 1;
        int hi = lo + step;
        while (hi < n && a[2 * hi + 1] < x) {
            lo = hi;
            step <<= 1;
            hi = lo + step;
        }
        hi = Math.min(hi, n);
        // first index in (lo, hi] that ends at or above x; hi == n means none below n
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (a[2 * mid + 1] < x) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 2 * hi;
    }

    /**
     * True when one interval of this set spans all of {@code other}: the common case of a rule that
     * does not restrict a field, which must not cost a walk over a long address list.
     */
    private boolean covers(IntervalSet other) {
        return b.length == 2 && other.b.length > 0 && b[0] <= other.b[0] && b[1] >= other.b[other.b.length - 1];
    }

    /** True when every value of {@code other} is in this set; linear and allocation-free. */
    public boolean containsAll(IntervalSet other) {
        if (other.b.length == 0 || covers(other)) {
            return true;
        }
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
        return apply(Op.UNION, o);
    }

    private IntervalSet unionComputed(IntervalSet o) {
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
        return apply(Op.INTERSECT, o);
    }

    private IntervalSet intersectComputed(IntervalSet o) {
        if (b.length == 0 || o.b.length == 0) {
            return EMPTY;
        }
        if (o == this || o.covers(this)) {
            return this;
        }
        if (covers(o)) {
            return o;
        }
        long[] small = b.length <= o.b.length ? b : o.b;
        long[] large = small == b ? o.b : b;
        // every piece lies in one interval of each side, and pieces of one small interval come from
        // distinct large ones, so a few more than the small side's intervals is a good first size
        long[] out = new long[small.length + 8];
        int n = 0;
        int j = 0;
        for (int i = 0; i < small.length; i += 2) {
            long lo = small[i];
            long hi = small[i + 1];
            j = seek(large, j, lo);
            while (j < large.length && large[j] <= hi) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, Math.min(out.length * 2, small.length + large.length));
                }
                out[n++] = Math.max(lo, large[j]);
                out[n++] = Math.min(hi, large[j + 1]);
                if (large[j + 1] > hi) {
                    break; // this large interval may reach into the next small one
                }
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
        return apply(Op.SUBTRACT, o);
    }

    private IntervalSet subtractComputed(IntervalSet o) {
        if (b.length == 0 || o.b.length == 0 || !intersects(o)) {
            return this;
        }
        if (o.covers(this)) {
            return EMPTY;
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
