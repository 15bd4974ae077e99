package dev.natlint.flow.packet;

import dev.natlint.net.IntervalSet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.natlint.net.Ipv4;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PacketBoxTest {

    private static final Universe U = new Universe(List.of("address of wan"), List.of("wan", "bridge"));
    private static final long WAN_ADDRESS = Universe.SYMBOLIC_BASE;

    private static IntervalSet spec(String text) {
        return Ipv4.parseAddressSpec(text).orElseThrow();
    }

    private static long ip(String text) {
        return Ipv4.parse(text).orElseThrow();
    }

    private static PacketBox webToWan() {
        return PacketBox.all(U).with(Field.DST_ADDRESS, IntervalSet.point(WAN_ADDRESS))
                .with(Field.PROTOCOL, IntervalSet.point(6)).with(Field.DST_PORT, IntervalSet.point(80))
                .with(Field.IN_INTERFACE, IntervalSet.point(U.interfaceIndex("wan")));
    }

    @Test
    void allCoversTheDomains() {
        PacketBox all = PacketBox.all(U);
        for (Field f : Field.values()) {
            assertThat(all.get(f)).isEqualTo(U.domain(f));
        }
        assertThat(all.isEmpty()).isFalse();
        assertThat(all.universe()).isSameAs(U);
        assertThat(all.contains(new Packet(WAN_ADDRESS, Ipv4.MAX, 255, 65535, 0, 1, 0))).isTrue();
        assertThat(all).hasToString("[any]");
    }

    @Test
    void withNarrowsAndReplaceOverwrites() {
        PacketBox b = PacketBox.all(U).with(Field.DST_PORT, IntervalSet.of(80, 90));
        assertThat(b.with(Field.DST_PORT, IntervalSet.of(85, 100)).get(Field.DST_PORT)).isEqualTo(IntervalSet.of(85, 90));
        assertThat(b.replace(Field.DST_PORT, IntervalSet.of(85, 100)).get(Field.DST_PORT))
                .isEqualTo(IntervalSet.of(85, 100));
        assertThat(b.with(Field.DST_PORT, IntervalSet.of(0, 65535))).isSameAs(b);
        assertThat(b.replace(Field.DST_PORT, IntervalSet.of(80, 90))).isSameAs(b);
        assertThat(b.with(Field.DST_PORT, IntervalSet.of(100, 200)).isEmpty()).isTrue();
        // the original is untouched
        assertThat(b.get(Field.DST_PORT)).isEqualTo(IntervalSet.of(80, 90));
    }

    @Test
    void containsChecksEveryField() {
        PacketBox b = webToWan();
        Packet hit = new Packet(ip("198.51.100.7"), WAN_ADDRESS, 6, 40000, 80, 0, 1);
        assertThat(b.contains(hit)).isTrue();
        for (Field f : new Field[] {Field.DST_ADDRESS, Field.PROTOCOL, Field.DST_PORT, Field.IN_INTERFACE}) {
            Packet miss = hit.with(f, hit.get(f) == 0 ? 1 : hit.get(f) - 1);
            assertThat(b.contains(miss)).as("%s", f).isFalse();
        }
    }

    @Test
    void intersectAndDisjoint() {
        PacketBox a = PacketBox.all(U).with(Field.DST_PORT, IntervalSet.of(1, 100));
        PacketBox b = PacketBox.all(U).with(Field.DST_PORT, IntervalSet.of(50, 200)).with(Field.PROTOCOL,
                IntervalSet.point(17));
        PacketBox i = a.intersect(b);
        assertThat(i.get(Field.DST_PORT)).isEqualTo(IntervalSet.of(50, 100));
        assertThat(i.get(Field.PROTOCOL)).isEqualTo(IntervalSet.point(17));
        assertThat(a.disjoint(b)).isFalse();
        PacketBox c = PacketBox.all(U).with(Field.DST_PORT, IntervalSet.of(101, 200));
        assertThat(a.disjoint(c)).isTrue();
        PacketBox none = a.intersect(c);
        assertThat(none.isEmpty()).isTrue();
        // an empty intersection is the canonical empty box, whatever the operands were
        for (Field f : Field.values()) {
            assertThat(none.get(f).isEmpty()).isTrue();
        }
        assertThat(a.containsAll(i)).isTrue();
        assertThat(i.containsAll(a)).isFalse();
        assertThat(i.containsAll(none)).isTrue();
    }

    @Test
    void subtractPeelsFieldByField() {
        PacketBox all = PacketBox.all(U);
        PacketBox hole = webToWan();
        List<PacketBox> rest = all.subtract(hole);
        // one piece per narrowed field, in Field order
        assertThat(rest).hasSize(4);
        assertThat(rest.get(0).get(Field.DST_ADDRESS)).isEqualTo(IntervalSet.of(0, Ipv4.MAX));
        assertThat(rest.get(1).get(Field.DST_ADDRESS)).isEqualTo(IntervalSet.point(WAN_ADDRESS));
        assertThat(rest.get(1).get(Field.PROTOCOL)).isEqualTo(IntervalSet.of(0, 5).union(IntervalSet.of(7, 255)));
        assertThat(rest.get(3).get(Field.IN_INTERFACE)).isEqualTo(IntervalSet.point(1));
        assertThat(rest.get(3).get(Field.DST_PORT)).isEqualTo(IntervalSet.point(80));
        for (int i = 0; i < rest.size(); i++) {
            assertThat(rest.get(i).disjoint(hole)).isTrue();
            for (int j = i + 1; j < rest.size(); j++) {
                assertThat(rest.get(i).disjoint(rest.get(j))).isTrue();
            }
        }
    }

    @Test
    void subtractEdgeCases() {
        PacketBox a = webToWan();
        assertThat(a.subtract(PacketBox.all(U))).isEmpty();
        assertThat(a.subtract(a)).isEmpty();
        PacketBox elsewhere = PacketBox.all(U).with(Field.DST_PORT, IntervalSet.point(443));
        assertThat(a.subtract(elsewhere)).containsExactly(a);
        PacketBox empty = a.with(Field.PROTOCOL, IntervalSet.point(17));
        assertThat(empty.subtract(elsewhere)).isEmpty();
        assertThat(a.subtract(empty)).containsExactly(a);
    }

    /** Random boxes over ports and protocols: the pieces are exactly this minus that, value by value. */
    @Test
    void subtractIsExactOnSmallFields() {
        Random r = new Random(99);
        Field[] fs = {Field.PROTOCOL, Field.SRC_PORT, Field.DST_PORT};
        for (int n = 0; n < 250; n++) {
            PacketBox a = PacketBox.all(U);
            PacketBox b = PacketBox.all(U);
            for (Field f : fs) {
                int lo = r.nextInt(8);
                a = a.with(f, IntervalSet.of(lo, lo + r.nextInt(8)));
                lo = r.nextInt(8);
                b = b.with(f, IntervalSet.of(lo, lo + r.nextInt(8)));
            }
            List<PacketBox> pieces = a.subtract(b);
            assertThat(pieces.size()).isLessThanOrEqualTo(fs.length);
            assertThat(pieces).noneMatch(PacketBox::isEmpty);
            int wrong = 0;
            // every value the random boxes can reach (0..14), and one beyond
            for (int x = 0; x < 16; x++) {
                for (int y = 0; y < 16; y++) {
                    for (int z = 0; z < 16; z++) {
                        Packet p = new Packet(0, 0, x, y, z, 0, 0);
                        int in = 0;
                        for (PacketBox piece : pieces) {
                            in += piece.contains(p) ? 1 : 0;
                        }
                        // exactly one piece when in a - b, else none: the pieces cover it and are disjoint
                        wrong += in == (a.contains(p) && !b.contains(p) ? 1 : 0) ? 0 : 1;
                    }
                }
            }
            assertThat(wrong).as("%s - %s = %s", a, b, pieces).isZero();
        }
    }

    @Test
    void equalityIsByValue() {
        PacketBox a = webToWan();
        PacketBox b = PacketBox.all(U).with(Field.IN_INTERFACE, IntervalSet.point(0))
                .with(Field.DST_PORT, IntervalSet.point(80)).with(Field.PROTOCOL, IntervalSet.point(6))
                .with(Field.DST_ADDRESS, IntervalSet.point(WAN_ADDRESS));
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(PacketBox.all(U));
        assertThat(a.compareTo(b)).isZero();
        assertThat(a.compareTo(PacketBox.all(U))).isNotZero();
        assertThat(Integer.signum(a.compareTo(PacketBox.all(U))))
                .isEqualTo(-Integer.signum(PacketBox.all(U).compareTo(a)));
    }

    @Test
    void readableText() {
        assertThat(webToWan()).hasToString("[dst_address=(address of wan) protocol=6 dst_port=80 in_interface=wan]");
        PacketBox lan = PacketBox.all(U).with(Field.SRC_ADDRESS, spec("192.168.88.0/24"))
                .with(Field.DST_ADDRESS, spec("10.0.0.5-10.0.0.9")).with(Field.OUT_INTERFACE, IntervalSet.point(1));
        assertThat(lan).hasToString("[src_address=192.168.88.0/24 dst_address=10.0.0.5-10.0.0.9 out_interface=bridge]");
        assertThat(lan.with(Field.SRC_PORT, IntervalSet.empty()).toString()).contains("src_port=none");
    }
}
