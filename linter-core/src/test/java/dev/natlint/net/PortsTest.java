package dev.natlint.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PortsTest {

    private static IntervalSet set(long... bounds) {
        IntervalSet s = IntervalSet.empty();
        for (int i = 0; i < bounds.length; i += 2) {
            s = s.union(IntervalSet.of(bounds[i], bounds[i + 1]));
        }
        return s;
    }

    @Test
    void parsesSinglePortsListsAndRanges() {
        assertThat(Ports.parse("80")).contains(IntervalSet.point(80));
        assertThat(Ports.parse("0")).contains(IntervalSet.point(0));
        assertThat(Ports.parse("65535")).contains(IntervalSet.point(65535));
        assertThat(Ports.parse("80,443")).contains(set(80, 80, 443, 443));
        assertThat(Ports.parse("8000-8080")).contains(IntervalSet.of(8000, 8080));
        assertThat(Ports.parse("80,443,8000-8080")).contains(set(80, 80, 443, 443, 8000, 8080));
        assertThat(Ports.parse("0-65535")).contains(IntervalSet.of(0, 65535));
        assertThat(Ports.parse("5-5")).contains(IntervalSet.point(5));
    }

    @Test
    void mergesUnorderedOverlappingAndAdjacentItems() {
        assertThat(Ports.parse("443,80")).contains(set(80, 80, 443, 443));
        assertThat(Ports.parse("80,80")).contains(IntervalSet.point(80));
        assertThat(Ports.parse("81,80,82")).contains(IntervalSet.of(80, 82));
        assertThat(Ports.parse("8000-8080,8050-9000,79")).contains(set(79, 79, 8000, 9000));
        assertThat(Ports.parse("1-10,11-20")).contains(IntervalSet.of(1, 20));
    }

    @Test
    void readsLeadingZerosAsDecimal() {
        assertThat(Ports.parse("080")).contains(IntervalSet.point(80));
        assertThat(Ports.parse("00022-00023")).contains(IntervalSet.of(22, 23));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "!80", "65536", "99999", "123456", "-1", "80-", "-80", "80--90", "80-90-100", "90-80", ",", "80,", ",80",
            "80,,443", " 80", "80 ", "80, 443", "http", "0x50", "8o", "1e3", "+80", "80.0", "\u0668\u0660",
    })
    void rejectsMalformedLists(String text) {
        assertThat(Ports.parse(text)).isEmpty();
    }

    @Test
    void formatsBackToRouterOsText() {
        assertThat(Ports.format(set(80, 80, 443, 443, 8000, 8080))).isEqualTo("80,443,8000-8080");
        assertThat(Ports.format(IntervalSet.of(0, 65535))).isEqualTo("0-65535");
        assertThat(Ports.format(IntervalSet.empty())).isEmpty();
        assertThat(Ports.formatEach(set(22, 22, 1000, 1001))).containsExactly("22", "1000-1001");
    }

    /** Random lists against a bit-per-port model; formatting then parsing gives the same set back. */
    @Test
    void randomListsMatchABitModelAndRoundTrip() {
        Random r = new Random(80);
        for (int n = 0; n < 2000; n++) {
            BitSet model = new BitSet(65536);
            List<String> items = new ArrayList<>();
            int count = 1 + r.nextInt(6);
            for (int k = 0; k < count; k++) {
                int lo = r.nextBoolean() ? r.nextInt(65536) : r.nextInt(100);
                int hi = Math.min(65535, lo + (r.nextBoolean() ? 0 : r.nextInt(r.nextBoolean() ? 5 : 5000)));
                items.add(lo == hi && r.nextBoolean() ? String.valueOf(lo) : lo + "-" + hi);
                model.set(lo, hi + 1);
            }
            IntervalSet parsed = Ports.parse(String.join(",", items)).orElseThrow();
            assertThat(parsed.size()).isEqualTo(model.cardinality());
            for (int probe = 0; probe < 50; probe++) {
                int p = r.nextInt(65536);
                assertThat(parsed.contains(p)).isEqualTo(model.get(p));
            }
            for (int i = 0; i < parsed.intervalCount(); i++) {
                assertThat(model.get((int) parsed.lo(i))).isTrue();
                assertThat(parsed.lo(i) == 0 || !model.get((int) parsed.lo(i) - 1)).isTrue();
                assertThat(parsed.hi(i) == 65535 || !model.get((int) parsed.hi(i) + 1)).isTrue();
            }
            assertThat(Ports.parse(Ports.format(parsed))).contains(parsed);
        }
    }
}
