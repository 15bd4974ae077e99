package dev.natlint.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Sets the size of real address lists take other code paths than the small ones of the property
 * tests: seeking in the larger operand, the shortcut for a single covering interval, and the memo of
 * recent results. Every result is checked value by value against a {@link BitSet} over a small
 * domain, and asked again (and after other operations) to check the remembered answers.
 */
class LargeIntervalSetTest {

    private static final int DOMAIN = 20_000;

    private static BitSet randomBits(Random r, int intervals) {
        BitSet bits = new BitSet(DOMAIN);
        for (int i = 0; i < intervals; i++) {
            int lo = r.nextInt(DOMAIN);
            int width = r.nextInt(4) == 0 ? 1 : 1 + r.nextInt(r.nextBoolean() ? 8 : 300);
            bits.set(lo, Math.min(DOMAIN, lo + width));
        }
        return bits;
    }

    private static IntervalSet toSet(BitSet bits) {
        List<long[]> raw = new ArrayList<>();
        for (int lo = bits.nextSetBit(0); lo >= 0; lo = bits.nextSetBit(lo)) {
            int hi = bits.nextClearBit(lo);
            raw.add(new long[] {lo, hi - 1});
            lo = hi;
        }
        return IntervalSet.ofIntervals(raw);
    }

    private static void assertSame(IntervalSet s, BitSet expected, String what) {
        IntervalSetPropertyTest.assertCanonical(s);
        assertThat(s.isEmpty() || s.min() >= 0).isTrue();
        BitSet actual = new BitSet(DOMAIN);
        for (int i = 0; i < s.intervalCount(); i++) {
            assertThat(s.hi(i)).as(what).isLessThan(DOMAIN);
            actual.set((int) s.lo(i), (int) s.hi(i) + 1);
        }
        assertThat(actual).as(what).isEqualTo(expected);
    }

    @Test
    void operationsOnLargeAndUnevenSetsMatchABitSet() {
        Random r = new Random(20261129);
        for (int round = 0; round < 300; round++) {
            // sizes from a single interval to thousands, so both seek directions and the memo run
            BitSet a = randomBits(r, r.nextInt(3) == 0 ? 1 + r.nextInt(3) : 50 + r.nextInt(2_000));
            BitSet b = randomBits(r, r.nextInt(3) == 0 ? 1 + r.nextInt(3) : 50 + r.nextInt(2_000));
            if (r.nextInt(5) == 0) {
                b = new BitSet();
                b.set(r.nextInt(100), DOMAIN - r.nextInt(100)); // one interval covering (nearly) all of a
            }
            IntervalSet sa = toSet(a);
            IntervalSet sb = toSet(b);
            BitSet and = (BitSet) a.clone();
            and.and(b);
            BitSet or = (BitSet) a.clone();
            or.or(b);
            BitSet minus = (BitSet) a.clone();
            minus.andNot(b);
            BitSet bMinusA = (BitSet) b.clone();
            bMinusA.andNot(a);
            for (int ask = 0; ask < 2; ask++) {
                String what = "round " + round + " ask " + ask;
                assertSame(sa.intersect(sb), and, what + " a & b");
                assertSame(sb.intersect(sa), and, what + " b & a");
                assertSame(sa.union(sb), or, what + " a | b");
                assertSame(sa.subtract(sb), minus, what + " a - b");
                assertSame(sb.subtract(sa), bMinusA, what + " b - a");
                assertThat(sa.intersects(sb)).as(what).isEqualTo(a.intersects(b));
                assertThat(sa.containsAll(sb)).as(what).isEqualTo(bMinusA.isEmpty());
                assertThat(sb.containsAll(sa)).as(what).isEqualTo(minus.isEmpty());
            }
        }
    }

    @Test
    void rememberedResultsStayRightWhenManyOperandsTakeTurns() {
        Random r = new Random(7);
        BitSet base = randomBits(r, 3_000);
        IntervalSet set = toSet(base);
        List<BitSet> others = new ArrayList<>();
        List<IntervalSet> otherSets = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            BitSet o = randomBits(r, 100 + r.nextInt(500));
            others.add(o);
            otherSets.add(toSet(o));
        }
        // more operands than the memo holds, asked in a shuffled order, three times over
        for (int pass = 0; pass < 3; pass++) {
            for (int k = 0; k < others.size(); k++) {
                int i = (k * 5 + pass) % others.size();
                BitSet expected = (BitSet) base.clone();
                expected.andNot(others.get(i));
                assertSame(set.subtract(otherSets.get(i)), expected, "pass " + pass + " operand " + i);
                BitSet and = (BitSet) base.clone();
                and.and(others.get(i));
                assertSame(set.intersect(otherSets.get(i)), and, "pass " + pass + " operand " + i);
            }
        }
    }
}
