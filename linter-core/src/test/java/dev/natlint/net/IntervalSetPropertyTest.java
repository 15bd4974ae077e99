package dev.natlint.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.LongPredicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every operation against a brute-force model, exhaustively. Random sets are built from intervals
 * whose ends come from a fixed list of breakpoints; every operand is then constant between
 * neighbouring breakpoints, and so is every result, so probing each breakpoint, its neighbours and
 * one value inside each gap checks the whole {@code long} line, not a sample of it.
 */
class IntervalSetPropertyTest {

    /** A set as the raw intervals it was made of; membership by scanning them, nothing shared. */
    private record Model(List<long[]> raw) implements LongPredicate {
        @Override
        public boolean test(long x) {
            for (long[] iv : raw) {
                if (iv[0] <= x && x <= iv[1]) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final long[] SMALL = {-3, -2, 0, 1, 2, 3, 5, 8, 9, 10, 16, 17, 30, 31, 32, 40};
    private static final long[] WIDE = {Long.MIN_VALUE, Long.MIN_VALUE + 1, Long.MIN_VALUE + 2, -1_000_000_007L, -1,
            0, 1, 65535, 65536, 0xFFFFFFFFL, 1L << 32, (1L << 32) + 1, Long.MAX_VALUE - 2, Long.MAX_VALUE - 1,
            Long.MAX_VALUE};

    /** Each breakpoint and its neighbours; b + 1 also stands for the whole open gap after b. */
    private static long[] probes(long[] breaks) {
        TreeSet<Long> p = new TreeSet<>();
        for (long b : breaks) {
            p.add(b);
            if (b > Long.MIN_VALUE) {
                p.add(b - 1);
            }
            if (b < Long.MAX_VALUE) {
                p.add(b + 1);
            }
        }
        return p.stream().mapToLong(Long::longValue).toArray();
    }

    private static Model randomModel(Random r, long[] breaks) {
        List<long[]> raw = new ArrayList<>();
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
            long a = breaks[r.nextInt(breaks.length)];
            long b = r.nextInt(4) == 0 ? a : breaks[r.nextInt(breaks.length)];
            raw.add(new long[] {Math.min(a, b), Math.max(a, b)});
        }
        return new Model(raw);
    }

    private static IntervalSet build(Random r, Model m) {
        // two independent construction paths, so both are exercised
        if (r.nextBoolean()) {
            return IntervalSet.ofIntervals(m.raw());
        }
        IntervalSet s = IntervalSet.empty();
        for (long[] iv : m.raw()) {
            s = s.union(IntervalSet.of(iv[0], iv[1]));
        }
        return s;
    }

    static void assertCanonical(IntervalSet s) {
        for (int i = 0; i < s.intervalCount(); i++) {
            assertThat(s.lo(i)).isLessThanOrEqualTo(s.hi(i));
            if (i > 0) {
                // sorted, disjoint and not adjacent: a gap of at least one value
                assertThat(s.hi(i - 1)).isLessThan(s.lo(i));
                assertThat(s.lo(i) - 1).isGreaterThan(s.hi(i - 1)); // lo > previous hi, so no wrap
            }
        }
    }

    private static void assertSame(IntervalSet actual, LongPredicate expected, long[] probes) {
        assertCanonical(actual);
        for (long p : probes) {
            assertThat(actual.contains(p)).as("%d in %s", p, actual).isEqualTo(expected.test(p));
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void everyOperationMatchesTheModel(boolean wide) {
        long[] breaks = wide ? WIDE : SMALL;
        long[] probes = probes(breaks);
        long domLo = wide ? Long.MIN_VALUE : -3;
        long domHi = wide ? Long.MAX_VALUE : 40;
        Random r = new Random(wide ? 1001 : 1000);
        for (int n = 0; n < 3000; n++) {
            Model ma = randomModel(r, breaks);
            Model mb = randomModel(r, breaks);
            IntervalSet a = build(r, ma);
            IntervalSet b = build(r, mb);
            assertSame(a, ma, probes);
            assertSame(b, mb, probes);

            assertSame(a.union(b), x -> ma.test(x) || mb.test(x), probes);
            assertSame(a.intersect(b), x -> ma.test(x) && mb.test(x), probes);
            assertSame(a.subtract(b), x -> ma.test(x) && !mb.test(x), probes);
            assertSame(a.complement(domLo, domHi), x -> x >= domLo && x <= domHi && !ma.test(x), probes);

            boolean shared = false;
            boolean covers = true;
            for (long p : probes) {
                shared |= ma.test(p) && mb.test(p);
                covers &= !mb.test(p) || ma.test(p);
            }
            assertThat(a.intersects(b)).isEqualTo(shared);
            assertThat(a.containsAll(b)).isEqualTo(covers);

            // canonical form makes value equality exact
            boolean sameValues = true;
            for (long p : probes) {
                sameValues &= ma.test(p) == mb.test(p);
            }
            assertThat(a.equals(b)).isEqualTo(sameValues);
            if (sameValues) {
                assertThat(a.hashCode()).isEqualTo(b.hashCode());
            }

            // identities
            assertThat(a.subtract(b).union(a.intersect(b))).isEqualTo(a);
            assertThat(a.union(b)).isEqualTo(b.union(a));
            assertThat(a.intersect(b)).isEqualTo(b.intersect(a));
            assertThat(a.subtract(b).intersects(b)).isFalse();
            assertThat(a.complement(domLo, domHi).complement(domLo, domHi))
                    .isEqualTo(a.intersect(IntervalSet.of(domLo, domHi)));
            assertThat(a.union(b).subtract(b)).isEqualTo(a.subtract(b));

            if (!a.isEmpty()) {
                assertThat(a.contains(a.min())).isTrue();
                assertThat(a.contains(a.max())).isTrue();
                assertThat(a.min() == Long.MIN_VALUE || !a.contains(a.min() - 1)).isTrue();
                assertThat(a.max() == Long.MAX_VALUE || !a.contains(a.max() + 1)).isTrue();
            }
        }
    }

    /** On a dense small domain the size can be counted value by value. */
    @ParameterizedTest
    @ValueSource(ints = {7, 8, 9})
    void sizeCountsValues(int seed) {
        Random r = new Random(seed);
        for (int n = 0; n < 1000; n++) {
            Model m = randomModel(r, SMALL);
            IntervalSet s = build(r, m);
            long count = 0;
            for (long x = -10; x <= 50; x++) {
                count += m.test(x) ? 1 : 0;
            }
            assertThat(s.size()).isEqualTo(count);
            long iterated = 0;
            for (IntervalSet.Interval iv : s) {
                iterated += iv.hi() - iv.lo() + 1;
            }
            assertThat(iterated).isEqualTo(count);
        }
    }
}
