package dev.natlint.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CidrsTest {

    private static long ip(String text) {
        return Ipv4.parse(text).orElseThrow();
    }

    private static IntervalSet spec(String text) {
        return Ipv4.parseAddressSpec(text).orElseThrow();
    }

    @Test
    void rendersPrefixesAsCidrAndTheRestAsRanges() {
        assertThat(Cidrs.render(spec("192.168.1.0/24"))).containsExactly("192.168.1.0/24");
        assertThat(Cidrs.render(spec("0.0.0.0/0"))).containsExactly("0.0.0.0/0");
        assertThat(Cidrs.render(spec("192.168.1.10"))).containsExactly("192.168.1.10/32");
        assertThat(Cidrs.render(spec("10.0.0.5-10.0.0.9"))).containsExactly("10.0.0.5-10.0.0.9");
        assertThat(Cidrs.render(spec("10.0.0.4-10.0.0.7"))).containsExactly("10.0.0.4/30");
        assertThat(Cidrs.render(spec("10.0.0.0-10.0.1.0"))).containsExactly("10.0.0.0-10.0.1.0");
        assertThat(Cidrs.render(spec("255.255.255.255"))).containsExactly("255.255.255.255/32");
        assertThat(Cidrs.render(spec("0.0.0.1-255.255.255.255"))).containsExactly("0.0.0.1-255.255.255.255");
        assertThat(Cidrs.render(IntervalSet.empty())).isEmpty();
    }

    @Test
    void rendersEachMaximalIntervalInOrder() {
        IntervalSet s = spec("192.168.3.0/24").union(spec("10.0.0.5-10.0.0.9")).union(spec("192.168.2.0/24"));
        assertThat(Cidrs.render(s)).containsExactly("10.0.0.5-10.0.0.9", "192.168.2.0/23");
        assertThat(Cidrs.format(s)).isEqualTo("10.0.0.5-10.0.0.9,192.168.2.0/23");
        // two adjacent /24s that are not one aligned /23 stay a range
        IntervalSet unaligned = spec("192.168.1.0/24").union(spec("192.168.2.0/24"));
        assertThat(Cidrs.render(unaligned)).containsExactly("192.168.1.0-192.168.2.255");
    }

    @Test
    void leavesSymbolicAddressesOut() {
        IntervalSet withSymbolic = IntervalSet.of(0, Ipv4.MAX + 3);
        assertThat(Cidrs.render(withSymbolic)).containsExactly("0.0.0.0/0");
        IntervalSet tail = IntervalSet.of(ip("255.255.255.0"), Ipv4.MAX + 1);
        assertThat(Cidrs.render(tail)).containsExactly("255.255.255.0/24");
        assertThat(Cidrs.render(IntervalSet.of(Ipv4.MAX + 1, Ipv4.MAX + 2))).isEmpty();
        assertThat(Cidrs.decompose(IntervalSet.of(Ipv4.MAX, Ipv4.MAX + 2)))
                .containsExactly(new Prefix(Ipv4.MAX, 32));
    }

    @Test
    void decomposesIntoMinimalPrefixes() {
        assertThat(Cidrs.prefixes(ip("10.0.0.5"), ip("10.0.0.9")))
                .containsExactly("10.0.0.5/32", "10.0.0.6/31", "10.0.0.8/31");
        assertThat(Cidrs.prefixes(0, Ipv4.MAX)).containsExactly("0.0.0.0/0");
        assertThat(Cidrs.prefixes(1, Ipv4.MAX)).hasSize(32).startsWith("0.0.0.1/32").endsWith("128.0.0.0/1");
        assertThat(Cidrs.prefixes(0, Ipv4.MAX - 1)).hasSize(32).startsWith("0.0.0.0/1").endsWith("255.255.255.254/32");
        assertThat(Cidrs.prefixes(ip("192.168.1.0"), ip("192.168.1.255"))).containsExactly("192.168.1.0/24");
        assertThat(Cidrs.prefixes(7, 7)).containsExactly("0.0.0.7/32");
        assertThat(Cidrs.decompose(9, 8)).isEmpty();
    }

    @Test
    void asPrefixOnlyForExactAlignedBlocks() {
        assertThat(Cidrs.asPrefix(ip("10.0.0.0"), ip("10.255.255.255"))).contains(new Prefix(ip("10.0.0.0"), 8));
        assertThat(Cidrs.asPrefix(ip("10.0.0.1"), ip("10.0.0.2"))).isEmpty();
        assertThat(Cidrs.asPrefix(ip("10.0.0.2"), ip("10.0.0.5"))).isEmpty();
        assertThat(Cidrs.asPrefix(0, Ipv4.MAX)).contains(new Prefix(0, 0));
    }

    @Test
    void refusesValuesOutsideIpv4() {
        assertThatThrownBy(() -> Cidrs.decompose(0, Ipv4.MAX + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cidrs.decompose(-1, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cidrs.asPrefix(0, Ipv4.MAX + 1)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Random intervals: the prefixes are aligned, ascending, contiguous, cover exactly the interval,
     * and no two neighbours could be one larger prefix (a local check of minimality); the count
     * matches an independent bit-counting bound of at most 2 per bit level.
     */
    @Test
    void randomDecompositionsAreExactAndMinimal() {
        Random r = new Random(24);
        for (int n = 0; n < 3000; n++) {
            long lo = r.nextInt(4) == 0 ? r.nextInt(64) : r.nextLong() & Ipv4.MAX;
            long span = switch (r.nextInt(3)) {
                case 0 -> r.nextInt(300);
                case 1 -> r.nextLong() & 0xFFFFFL;
                default -> r.nextLong() & Ipv4.MAX;
            };
            long hi = Math.min(Ipv4.MAX, lo + span);
            List<Prefix> ps = Cidrs.decompose(lo, hi);
            assertThat(ps).isNotEmpty().hasSizeLessThanOrEqualTo(62);
            long next = lo;
            for (int i = 0; i < ps.size(); i++) {
                Prefix p = ps.get(i);
                assertThat(p.network()).isEqualTo(next);
                next = p.last() + 1;
                if (i > 0) {
                    Prefix q = ps.get(i - 1);
                    boolean mergeable = q.length() == p.length() && q.length() > 0
                            && (q.network() & Ipv4.mask(q.length() - 1)) == q.network();
                    assertThat(mergeable).as("%s and %s could merge", q, p).isFalse();
                }
            }
            assertThat(next).isEqualTo(hi + 1);
            List<String> rendered = Cidrs.render(IntervalSet.of(lo, hi));
            assertThat(rendered).hasSize(1);
            assertThat(rendered.get(0)).isEqualTo(ps.size() == 1 ? ps.get(0).toString()
                    : Ipv4.format(lo) + "-" + Ipv4.format(hi));
            assertThat(Ipv4.parseAddressSpec(rendered.get(0))).contains(IntervalSet.of(lo, hi));
        }
    }
}
