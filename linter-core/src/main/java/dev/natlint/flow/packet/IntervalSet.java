package dev.natlint.flow.packet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable set of {@code long} values as sorted, disjoint, non-adjacent closed intervals
 * (canonical, so equal sets are equal objects by value). Bounds are stored flat: lo0, hi0, lo1, hi1...
 */
public final class IntervalSet {

    private static final IntervalSet EMPTY = new IntervalSet(new long[0]);

    private final long[] b;
    /** Cached hash; sets are keys of the maps that coalesce packet sets. */
    private int hash;

    private IntervalSet(long[] bounds) {
        this.b = bounds;
    }

    public static IntervalSet empty() {
        return EMPTY;
    }

    public static IntervalSet of(long lo, long hi) {
        return lo > hi ? EMPTY : new IntervalSet(new long[] {lo, hi});
    }

    public static IntervalSet point(long x) {
        return new IntervalSet(new long[] {x, x});
    }

    /** Builds a canonical set from arbitrary (possibly overlapping, unsorted) intervals. */
    public static IntervalSet ofIntervals(List<long[]> intervals) {
        List<long[]> sorted = new ArrayList<>(intervals);
        sorted.removeIf(iv -> iv[0] > iv[1]);
        sorted.sort((x, y) -> Long.compare(x[0], y[0]));
        long[] out = new long[sorted.size() * 2];
        int n = 0;
        for (long[] iv : sorted) {
            if (n > 0 && iv[0] <= out[n - 1] + 1) {
                out[n - 1] = Math.max(out[n - 1], iv[1]);
            } else {
                out[n++] = iv[0];
                out[n++] = iv[1];
            }
        }
        return n == 0 ? EMPTY : new IntervalSet(Arrays.copyOf(out, n));
    }

    public boolean isEmpty() {
        return b.length == 0;
    }

    public int intervalCount() {
        return b.length / 2;
    }

    public long lo(int i) {
        return b[2 * i];
    }

    public long hi(int i) {
        return b[2 * i + 1];
    }

    public long min() {
        if (b.length == 0) {
            throw new IllegalStateException("empty set has no minimum");
        }
        return b[0];
    }

    public long max() {
        if (b.length == 0) {
            throw new IllegalStateException("empty set has no maximum");
        }
        return b[b.length - 1];
    }

    /** Number of values in the set. */
    public long size() {
        long n = 0;
        for (int i = 0; i < b.length; i += 2) {
            n += b[i + 1] - b[i] + 1;
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

    /** True when every value of {@code other} is in this set. */
    public boolean containsAll(IntervalSet other) {
        return other.subtract(this).isEmpty();
    }

    public IntervalSet union(IntervalSet o) {
        if (o.b.length == 0) {
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
            long lo;
            long hi;
            if (j >= o.b.length || (i < b.length && b[i] <= o.b[j])) {
                lo = b[i];
                hi = b[i + 1];
                i += 2;
            } else {
                lo = o.b[j];
                hi = o.b[j + 1];
                j += 2;
            }
            if (n > 0 && lo <= out[n - 1] + 1) {
                out[n - 1] = Math.max(out[n - 1], hi);
            } else {
                out[n++] = lo;
                out[n++] = hi;
            }
        }
        return new IntervalSet(n == out.length ? out : Arrays.copyOf(out, n));
    }

    public IntervalSet intersect(IntervalSet o) {
        if (b.length == 0 || o.b.length == 0) {
            return EMPTY;
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
        if (n == b.length && Arrays.equals(b, 0, n, out, 0, n)) {
            return this;
        }
        return n == 0 ? EMPTY : new IntervalSet(Arrays.copyOf(out, n));
    }

    public IntervalSet subtract(IntervalSet o) {
        if (b.length == 0 || o.b.length == 0) {
            return this;
        }
        long[] out = new long[b.length + o.b.length];
        int n = 0;
        int j = 0;
        for (int i = 0; i < b.length; i += 2) {
            long lo = b[i];
            long hi = b[i + 1];
            while (j < o.b.length && o.b[j + 1] < lo) {
                j += 2;
            }
            int k = j;
            while (lo <= hi && k < o.b.length && o.b[k] <= hi) {
                if (o.b[k] > lo) {
                    out = ensure(out, n + 2);
                    out[n++] = lo;
                    out[n++] = o.b[k] - 1;
                }
                lo = Math.max(lo, o.b[k + 1] + 1);
                if (o.b[k + 1] >= hi) {
                    break;
                }
                k += 2;
            }
            if (lo <= hi) {
                out = ensure(out, n + 2);
                out[n++] = lo;
                out[n++] = hi;
            }
        }
        return n == 0 ? EMPTY : new IntervalSet(Arrays.copyOf(out, n));
    }

    private static long[] ensure(long[] a, int size) {
        return size <= a.length ? a : Arrays.copyOf(a, Math.max(size, a.length * 2));
    }

    /** Everything in {@code [domainLo, domainHi]} that is not in this set. */
    public IntervalSet complement(long domainLo, long domainHi) {
        return of(domainLo, domainHi).subtract(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IntervalSet s && Arrays.equals(b, s.b);
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
