package dev.natlint.flow.packet;

import dev.natlint.net.IntervalSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.natlint.net.Ipv4;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PacketSetTest {

    private static final Universe U = new Universe(List.of("address of wan"), List.of("wan", "bridge", "vlan20"));
    private static final long WAN_ADDRESS = Universe.SYMBOLIC_BASE;

    private static IntervalSet spec(String text) {
        return Ipv4.parseAddressSpec(text).orElseThrow();
    }

    private static PacketBox box(Field f, IntervalSet values) {
        return PacketBox.all(U).with(f, values);
    }

    @Test
    void emptyAndAll() {
        PacketSet empty = PacketSet.empty(U);
        PacketSet all = PacketSet.all(U);
        assertThat(empty.isEmpty()).isTrue();
        assertThat(empty.boxes()).isEmpty();
        assertThat(empty.sample()).isEmpty();
        assertThat(empty.hull().isEmpty()).isTrue();
        assertThat(all.isEmpty()).isFalse();
        assertThat(all.boxes()).containsExactly(PacketBox.all(U));
        assertThat(all.sample()).contains(new Packet(0, 0, 0, 0, 0, 0, 0));
        assertThat(PacketSet.of(box(Field.PROTOCOL, IntervalSet.empty())).isEmpty()).isTrue();
        assertThat(all.subtract(all)).isEqualTo(empty);
        assertThat(all.universe()).isSameAs(U);
        assertThat(empty.union(all)).isSameAs(all);
        assertThat(all.union(empty)).isSameAs(all);
    }

    @Test
    void boxesAreImmutable() {
        PacketSet s = PacketSet.all(U).subtract(box(Field.DST_PORT, IntervalSet.point(80)));
        assertThatThrownBy(() -> s.boxes().add(PacketBox.all(U))).isInstanceOf(UnsupportedOperationException.class);
    }

    /** The first-match split the analyzer performs: matched by a rule, and the rest. */
    @Test
    void firstMatchSplit() {
        PacketSet fromWan = PacketSet.of(box(Field.IN_INTERFACE, IntervalSet.point(0)).with(Field.DST_ADDRESS,
                IntervalSet.point(WAN_ADDRESS)));
        PacketBox rule = box(Field.PROTOCOL, IntervalSet.point(6)).with(Field.DST_PORT, IntervalSet.of(8000, 8080));
        PacketSet hit = fromWan.intersect(rule);
        PacketSet rest = fromWan.subtract(rule);
        assertThat(hit.boxes()).hasSize(1);
        assertThat(hit.boxes().get(0).get(Field.DST_PORT)).isEqualTo(IntervalSet.of(8000, 8080));
        assertThat(hit.intersect(rest).isEmpty()).isTrue();
        assertThat(hit.union(rest)).isEqualTo(fromWan);
        Packet tcp8080 = new Packet(1, WAN_ADDRESS, 6, 1234, 8080, 0, 2);
        assertThat(hit.contains(tcp8080)).isTrue();
        assertThat(rest.contains(tcp8080)).isFalse();
        assertThat(rest.contains(tcp8080.with(Field.DST_PORT, 8081))).isTrue();
        assertThat(rest.contains(tcp8080.with(Field.PROTOCOL, 17))).isTrue();
        assertThat(rest.contains(tcp8080.with(Field.IN_INTERFACE, 1))).isFalse();
    }

    @Test
    void subtractThenUnionRestoresOneBox() {
        PacketBox hole = box(Field.SRC_ADDRESS, spec("192.168.1.0/24")).with(Field.DST_ADDRESS, spec("10.0.0.5-10.0.0.9"))
                .with(Field.PROTOCOL, IntervalSet.point(6)).with(Field.SRC_PORT, IntervalSet.of(1024, 65535))
                .with(Field.DST_PORT, IntervalSet.point(443)).with(Field.IN_INTERFACE, IntervalSet.point(1))
                .with(Field.OUT_INTERFACE, IntervalSet.point(2));
        PacketSet all = PacketSet.all(U);
        PacketSet rest = all.subtract(hole);
        assertThat(rest.boxes()).hasSize(7);
        assertThat(rest.contains(new Packet(0xC0A80101L, 0x0A000005L, 6, 2000, 443, 1, 2))).isFalse();
        assertThat(rest.union(PacketSet.of(hole))).isEqualTo(all);
        assertThat(PacketSet.of(hole).union(rest)).isEqualTo(all);
    }

    @Test
    void neighboursDifferingInOneFieldAreMerged() {
        PacketSet a = PacketSet.of(box(Field.DST_PORT, IntervalSet.of(80, 89)));
        PacketSet b = PacketSet.of(box(Field.DST_PORT, IntervalSet.of(90, 99)));
        PacketSet c = PacketSet.of(box(Field.DST_PORT, IntervalSet.point(443)));
        assertThat(a.union(b).union(c).boxes()).containsExactly(
                box(Field.DST_PORT, IntervalSet.of(80, 99).union(IntervalSet.point(443))));
        // merging cascades: after one field merges, another pair may become mergeable
        PacketBox tcp80 = box(Field.PROTOCOL, IntervalSet.point(6)).with(Field.DST_PORT, IntervalSet.point(80));
        PacketBox tcp81 = box(Field.PROTOCOL, IntervalSet.point(6)).with(Field.DST_PORT, IntervalSet.point(81));
        PacketBox udp80 = box(Field.PROTOCOL, IntervalSet.point(17)).with(Field.DST_PORT, IntervalSet.point(80));
        PacketBox udp81 = box(Field.PROTOCOL, IntervalSet.point(17)).with(Field.DST_PORT, IntervalSet.point(81));
        PacketSet s = PacketSet.unionOf(U, List.of(tcp80, udp81, udp80, tcp81));
        assertThat(s.boxes()).containsExactly(box(Field.PROTOCOL, IntervalSet.point(6).union(IntervalSet.point(17)))
                .with(Field.DST_PORT, IntervalSet.of(80, 81)));
    }

    @Test
    void unionOfCutsOverlaps() {
        PacketBox a = box(Field.DST_PORT, IntervalSet.of(0, 100));
        PacketBox b = box(Field.DST_PORT, IntervalSet.of(50, 150)).with(Field.PROTOCOL, IntervalSet.point(6));
        PacketSet s = PacketSet.unionOf(U, List.of(a, b, a, box(Field.PROTOCOL, IntervalSet.empty())));
        assertThat(s.sameAs(PacketSet.of(a).union(PacketSet.of(b)))).isTrue();
        assertThat(s.boxes()).hasSize(2);
        assertThat(s.boxes().get(0).disjoint(s.boxes().get(1))).isTrue();
        assertThat(PacketSet.unionOf(U, List.of()).isEmpty()).isTrue();
    }

    @Test
    void sameAsIgnoresHowASetIsCut() {
        // ports 0-99 x proto 6  +  ports 0-49 x proto 17, cut two different ways
        PacketSet byPort = PacketSet.unionOf(U, List.of(
                box(Field.DST_PORT, IntervalSet.of(0, 49)).with(Field.PROTOCOL, IntervalSet.of(6, 6).union(
                        IntervalSet.point(17))),
                box(Field.DST_PORT, IntervalSet.of(50, 99)).with(Field.PROTOCOL, IntervalSet.point(6))));
        PacketSet byProto = PacketSet.unionOf(U, List.of(
                box(Field.PROTOCOL, IntervalSet.point(6)).with(Field.DST_PORT, IntervalSet.of(0, 99)),
                box(Field.PROTOCOL, IntervalSet.point(17)).with(Field.DST_PORT, IntervalSet.of(0, 49))));
        assertThat(byPort.sameAs(byProto)).isTrue();
        assertThat(byProto.sameAs(byPort)).isTrue();
        assertThat(byPort.sameAs(byProto.subtract(box(Field.DST_PORT, IntervalSet.point(7))))).isFalse();
        assertThat(byPort.project(Field.PROTOCOL)).isEqualTo(byProto.project(Field.PROTOCOL));
    }

    @Test
    void replaceRewritesAField() {
        // a dst-nat: everything to the WAN address on port 8080 goes to 192.168.1.10 port 80
        PacketSet in = PacketSet.of(box(Field.DST_ADDRESS, IntervalSet.point(WAN_ADDRESS))
                .with(Field.DST_PORT, IntervalSet.of(8080, 8081)).with(Field.PROTOCOL, IntervalSet.point(6)));
        PacketSet out = in.replace(Field.DST_ADDRESS, spec("192.168.1.10")).replace(Field.DST_PORT,
                IntervalSet.point(80));
        assertThat(out.boxes()).hasSize(1);
        assertThat(out.contains(new Packet(5, 0xC0A8010AL, 6, 1000, 80, 0, 1))).isTrue();
        assertThat(out.contains(new Packet(5, WAN_ADDRESS, 6, 1000, 8080, 0, 1))).isFalse();
        assertThat(out.project(Field.PROTOCOL)).isEqualTo(IntervalSet.point(6));
        assertThat(in.replace(Field.DST_PORT, IntervalSet.empty()).isEmpty()).isTrue();
    }

    @Test
    void replaceMakesFormerlyDisjointBoxesOverlap() {
        // two boxes told apart only by the source port: rewriting it makes them overlap, then coincide
        PacketBox a = box(Field.SRC_PORT, IntervalSet.of(0, 99)).with(Field.DST_PORT, IntervalSet.of(0, 10));
        PacketBox b = box(Field.SRC_PORT, IntervalSet.of(100, 199)).with(Field.DST_PORT, IntervalSet.of(5, 20));
        PacketSet s = PacketSet.unionOf(U, List.of(a, b));
        PacketSet masq = s.replace(Field.SRC_PORT, IntervalSet.point(4000));
        PacketSetPropertyTest.assertWellFormed(masq);
        assertThat(masq.boxes()).containsExactly(box(Field.SRC_PORT, IntervalSet.point(4000))
                .with(Field.DST_PORT, IntervalSet.of(0, 20)));
    }

    @Test
    void sampleIsTheLowestPacketOfTheFirstBox() {
        PacketSet s = PacketSet.unionOf(U, List.of(
                box(Field.DST_PORT, IntervalSet.of(443, 444)).with(Field.SRC_ADDRESS, spec("10.0.0.0/8")),
                box(Field.DST_PORT, IntervalSet.point(22)).with(Field.SRC_ADDRESS, spec("192.168.1.0/24"))
                        .with(Field.IN_INTERFACE, IntervalSet.of(1, 2))));
        Optional<Packet> p = s.sample();
        assertThat(p).contains(new Packet(0x0A000000L, 0, 0, 0, 443, 0, 0));
        assertThat(s.contains(p.orElseThrow())).isTrue();
        assertThat(s.subtract(PacketSet.of(PacketBox.all(U).with(Field.SRC_ADDRESS, spec("10.0.0.0/8")))).sample())
                .contains(new Packet(0xC0A80100L, 0, 0, 0, 22, 1, 0));
    }

    @Test
    void projectionAndHull() {
        PacketSet s = PacketSet.unionOf(U, List.of(
                box(Field.DST_PORT, IntervalSet.point(80)).with(Field.PROTOCOL, IntervalSet.point(6)),
                box(Field.DST_PORT, IntervalSet.point(53)).with(Field.PROTOCOL, IntervalSet.point(17))));
        assertThat(s.project(Field.DST_PORT)).isEqualTo(IntervalSet.point(53).union(IntervalSet.point(80)));
        assertThat(s.project(Field.PROTOCOL)).isEqualTo(IntervalSet.point(6).union(IntervalSet.point(17)));
        PacketBox hull = s.hull();
        assertThat(hull.get(Field.DST_PORT)).isEqualTo(s.project(Field.DST_PORT));
        // the hull is a superset: it also holds udp/80, which the set does not
        Packet udp80 = new Packet(0, 0, 17, 0, 80, 0, 0);
        assertThat(hull.contains(udp80)).isTrue();
        assertThat(s.contains(udp80)).isFalse();
    }

    @Test
    void readableText() {
        PacketSet s = PacketSet.of(box(Field.DST_ADDRESS, IntervalSet.point(WAN_ADDRESS))
                .with(Field.DST_PORT, IntervalSet.point(80)));
        assertThat(s).hasToString("[[dst_address=(address of wan) dst_port=80]]");
        assertThat(PacketSet.empty(U)).hasToString("[]");
    }

    /**
     * The shape of the large benchmark in miniature: sources from 100 LAN subnets cut by 1,000
     * rule-like boxes in order. Checks that the result stays exact (against a first-match oracle on
     * probe packets) and that coalescing keeps the box count near one per rule; the 100 subnets
     * stay one address field of a box instead of 100 boxes.
     */
    @Test
    void aThousandRuleCutsStayExactAndCompact() {
        java.util.Random r = new java.util.Random(3000);
        IntervalSet lans = IntervalSet.empty();
        for (int i = 0; i < 100; i++) {
            lans = lans.union(spec("10." + i + ".0.0/24"));
        }
        PacketSet rest = PacketSet.of(PacketBox.all(U).with(Field.SRC_ADDRESS, lans));
        List<PacketBox> rules = new ArrayList<>();
        int maxBoxes = 0;
        assertThat(rest.boxes()).hasSize(1);
        for (int i = 0; i < 1000; i++) {
            PacketBox rule = PacketBox.all(U);
            if (r.nextInt(3) == 0) {
                int net = r.nextInt(100);
                rule = rule.with(Field.SRC_ADDRESS, spec("10." + net + ".0." + r.nextInt(256)));
            }
            rule = rule.with(Field.DST_ADDRESS, r.nextInt(4) == 0 ? IntervalSet.point(WAN_ADDRESS)
                    : spec("203.0.113." + r.nextInt(256)));
            rule = rule.with(Field.PROTOCOL, IntervalSet.point(r.nextBoolean() ? 6 : 17));
            int port = 1 + r.nextInt(2000);
            rule = rule.with(Field.DST_PORT, r.nextInt(5) == 0 ? IntervalSet.of(port, port + 100)
                    : IntervalSet.point(port));
            if (r.nextInt(4) == 0) {
                rule = rule.with(Field.IN_INTERFACE, IntervalSet.point(r.nextInt(3)));
            }
            rules.add(rule);
            rest = rest.subtract(rule);
            maxBoxes = Math.max(maxBoxes, rest.boxes().size());
        }
        assertThat(rest.isEmpty()).isFalse();
        assertThat(maxBoxes).as("boxes after coalescing").isLessThan(1_500);
        PacketSetPropertyTest.assertWellFormed(rest);
        int wrong = 0;
        for (int i = 0; i < 1000; i++) {
            PacketBox rule = rules.get(r.nextInt(rules.size()));
            Packet p = new Packet(rule.get(Field.SRC_ADDRESS).min() + (r.nextBoolean() ? 0 : 0x0A000000L
                    + ((long) r.nextInt(100) << 16) + r.nextInt(256)),
                    rule.get(Field.DST_ADDRESS).min(), (int) rule.get(Field.PROTOCOL).min(), r.nextInt(65536),
                    (int) rule.get(Field.DST_PORT).min() + (r.nextBoolean() ? 0 : r.nextInt(3) - 1),
                    r.nextInt(3), r.nextInt(3));
            boolean expected = lans.contains(p.srcAddress());
            for (int k = 0; k < rules.size() && expected; k++) {
                expected = !rules.get(k).contains(p);
            }
            wrong += rest.contains(p) == expected ? 0 : 1;
        }
        assertThat(wrong).isZero();
    }
}
