package dev.natlint.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntervalSetTest {

    private static IntervalSet set(long... bounds) {
        List<long[]> ivs = new ArrayList<>();
        for (int i = 0; i < bounds.length; i += 2) {
            ivs.add(new long[] {bounds[i], bounds[i + 1]});
        }
        return IntervalSet.ofIntervals(ivs);
    }

    @Test
    void emptySetBehaves() {
        IntervalSet e = IntervalSet.empty();
        assertThat(e.isEmpty()).isTrue();
        assertThat(e.size()).isZero();
        assertThat(e.intervalCount()).isZero();
        assertThat(e.contains(0)).isFalse();
        assertThat(e).hasToString("{}").isEqualTo(IntervalSet.of(5, 4)).isEqualTo(set());
        assertThat(e.iterator().hasNext()).isFalse();
        assertThatThrownBy(e::min).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(e::max).isInstanceOf(IllegalStateException.class);
        assertThat(e.complement(0, 9)).isEqualTo(IntervalSet.of(0, 9));
    }

    @Test
    void buildsCanonicalFormFromMessyIntervals() {
        IntervalSet s = set(10, 20, 1, 3, 15, 25, 4, 4, 30, 29, 27, 28);
        assertThat(s).isEqualTo(set(1, 4, 10, 25, 27, 28)).hasToString("{1-4, 10-25, 27-28}");
        assertThat(s.intervalCount()).isEqualTo(3);
        assertThat(s.size()).isEqualTo(4 + 16 + 2);
        assertThat(s.min()).isEqualTo(1);
        assertThat(s.max()).isEqualTo(28);
        assertThat(s.lo(1)).isEqualTo(10);
        assertThat(s.hi(1)).isEqualTo(25);
        assertThat(s.intervals()).containsExactly(new IntervalSet.Interval(1, 4), new IntervalSet.Interval(10, 25),
                new IntervalSet.Interval(27, 28));
        assertThat(s).containsExactlyElementsOf(s.intervals());
        assertThat(IntervalSet.point(7)).hasToString("{7}").isEqualTo(IntervalSet.of(7, 7));
    }

    @Test
    void adjacentIntervalsMergeButGapsOfOneStay() {
        assertThat(IntervalSet.of(1, 4).union(IntervalSet.of(5, 9))).isEqualTo(IntervalSet.of(1, 9));
        assertThat(IntervalSet.of(1, 4).union(IntervalSet.of(6, 9)).intervalCount()).isEqualTo(2);
        assertThat(IntervalSet.of(0, 9).subtract(IntervalSet.point(5))).isEqualTo(set(0, 4, 6, 9));
    }

    @Test
    void setAlgebraOnSmallExamples() {
        IntervalSet a = set(0, 10, 20, 30);
        IntervalSet b = set(5, 25);
        assertThat(a.union(b)).isEqualTo(IntervalSet.of(0, 30));
        assertThat(a.intersect(b)).isEqualTo(set(5, 10, 20, 25));
        assertThat(a.subtract(b)).isEqualTo(set(0, 4, 26, 30));
        assertThat(b.subtract(a)).isEqualTo(IntervalSet.of(11, 19));
        assertThat(a.complement(-5, 35)).isEqualTo(set(-5, -1, 11, 19, 31, 35));
        assertThat(a.intersects(b)).isTrue();
        assertThat(a.intersects(IntervalSet.of(11, 19))).isFalse();
        assertThat(a.containsAll(set(1, 2, 22, 30))).isTrue();
        assertThat(a.containsAll(set(1, 2, 22, 31))).isFalse();
        assertThat(a.containsAll(IntervalSet.of(9, 21))).isFalse();
        assertThat(a.containsAll(IntervalSet.empty())).isTrue();
        assertThat(IntervalSet.empty().containsAll(a)).isFalse();
    }

    @Test
    void oneIntervalSplitByManyHoles() {
        IntervalSet holes = set(2, 2, 4, 5, 8, 8, 10, 20);
        assertThat(IntervalSet.of(0, 9).subtract(holes)).isEqualTo(set(0, 1, 3, 3, 6, 7, 9, 9));
        assertThat(IntervalSet.of(3, 3).subtract(holes)).isEqualTo(IntervalSet.point(3));
        assertThat(IntervalSet.of(10, 20).subtract(holes)).isEqualTo(IntervalSet.empty());
    }

    @Test
    void containsUsesClosedBounds() {
        IntervalSet s = set(10, 20, 30, 30);
        assertThat(s.contains(9)).isFalse();
        assertThat(s.contains(10)).isTrue();
        assertThat(s.contains(20)).isTrue();
        assertThat(s.contains(21)).isFalse();
        assertThat(s.contains(30)).isTrue();
        assertThat(s.contains(31)).isFalse();
    }

    /** The merges must not wrap around at the ends of the long range. */
    @Test
    void extremeValuesDoNotOverflow() {
        long min = Long.MIN_VALUE;
        long max = Long.MAX_VALUE;
        assertThat(IntervalSet.of(5, 10).subtract(IntervalSet.of(0, max))).isEqualTo(IntervalSet.empty());
        assertThat(IntervalSet.of(5, max).subtract(IntervalSet.of(7, max))).isEqualTo(IntervalSet.of(5, 6));
        assertThat(IntervalSet.of(min, 10).subtract(IntervalSet.of(min, 3))).isEqualTo(IntervalSet.of(4, 10));
        assertThat(IntervalSet.of(min, 0).union(IntervalSet.of(1, max))).isEqualTo(IntervalSet.of(min, max));
        assertThat(IntervalSet.of(0, max).union(IntervalSet.point(max))).isEqualTo(IntervalSet.of(0, max));
        assertThat(IntervalSet.of(max, max).union(IntervalSet.of(min, min)).intervalCount()).isEqualTo(2);
        assertThat(set(0, max, max, max)).isEqualTo(IntervalSet.of(0, max));
        assertThat(IntervalSet.point(3).complement(min, max)).isEqualTo(set(min, 2, 4, max));
        assertThat(IntervalSet.empty().complement(min, max).size()).isEqualTo(max);
        assertThat(IntervalSet.of(0, max).size()).isEqualTo(max);
        assertThat(IntervalSet.of(1, max).size()).isEqualTo(max);
        assertThat(IntervalSet.of(2, max).size()).isEqualTo(max - 1);
        assertThat(set(min, min + 5, max - 5, max).size()).isEqualTo(12);
        assertThat(IntervalSet.of(min, max).containsAll(IntervalSet.point(min))).isTrue();
    }

    @Test
    void unchangedResultsReuseTheInstance() {
        IntervalSet a = set(0, 10, 20, 30);
        assertThat(a.union(IntervalSet.of(2, 3))).isSameAs(a);
        assertThat(a.intersect(IntervalSet.of(-5, 50))).isSameAs(a);
        assertThat(a.subtract(IntervalSet.of(12, 18))).isSameAs(a);
        assertThat(a.union(a)).isSameAs(a);
    }

    @Test
    void valueEqualityAndHash() {
        IntervalSet a = IntervalSet.of(1, 5).union(IntervalSet.of(7, 9));
        IntervalSet b = set(7, 9, 1, 5);
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(IntervalSet.of(1, 9)).isNotEqualTo("{1-5, 7-9}");
        assertThat(IntervalSet.empty().hashCode()).isNotZero();
    }

    @Test
    void intervalRecordRejectsReversedBounds() {
        assertThatThrownBy(() -> new IntervalSet.Interval(5, 4)).isInstanceOf(IllegalArgumentException.class);
    }
}
