package dev.natlint.flow.packet;

import dev.natlint.net.IntervalSet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Packet-set algebra against brute-force models (see {@link Gen}), on random small universes.
 *
 * <p>In exhaustive mode random sets constrain at most a few fields and every combination of those
 * fields' probe values is checked, which decides set equality exactly. In wide mode all seven
 * fields are constrained and a few hundred random probe packets are checked per case.
 */
class PacketSetPropertyTest {

    private static final Field[] FIELDS = Field.values();

    /**
     * Structure every set must have: non-empty, in-domain, disjoint, sorted, fully coalesced.
     * Plain checks rather than AssertJ in the quadratic loop: it runs on every result.
     */
    static void assertWellFormed(PacketSet s) {
        List<PacketBox> boxes = s.boxes();
        Universe u = s.universe();
        for (int i = 0; i < boxes.size(); i++) {
            PacketBox a = boxes.get(i);
            if (a.isEmpty()) {
                fail("empty box", a, s);
            }
            for (Field f : FIELDS) {
                if (!u.domain(f).containsAll(a.get(f))) {
                    fail(f + " outside its domain", a, s);
                }
            }
            if (i > 0 && boxes.get(i - 1).compareTo(a) >= 0) {
                fail("not in canonical order", a, s);
            }
            for (int j = i + 1; j < boxes.size(); j++) {
                PacketBox b = boxes.get(j);
                if (!a.disjoint(b)) {
                    fail("overlaps " + b, a, s);
                }
                int differing = 0;
                for (Field f : FIELDS) {
                    differing += a.get(f).equals(b.get(f)) ? 0 : 1;
                }
                if (differing < 2) {
                    fail("should have been merged with " + b, a, s);
                }
            }
        }
    }

    private static void fail(String problem, PacketBox box, PacketSet in) {
        throw new AssertionError(box + ": " + problem + " in " + in);
    }

    private static void assertMatches(PacketSet s, Predicate<Packet> model, List<Packet> probes, String what) {
        assertWellFormed(s);
        for (Packet p : probes) {
            if (s.contains(p) != model.test(p)) {
                throw new AssertionError(what + ": " + p + " expected " + model.test(p) + " in " + s);
            }
        }
    }

    private static boolean agree(Predicate<Packet> a, Predicate<Packet> b, List<Packet> probes) {
        for (Packet p : probes) {
            if (a.test(p) != b.test(p)) {
                return false;
            }
        }
        return true;
    }

    private static List<Field> randomActive(Random r, Universe u, boolean exhaustive) {
        List<Field> all = new ArrayList<>(List.of(FIELDS));
        Collections.shuffle(all, r);
        if (!exhaustive) {
            return all;
        }
        // up to three fields, as long as the probe product stays small enough to enumerate
        int wanted = 1 + r.nextInt(3);
        List<Field> active = new ArrayList<>();
        long product = 1;
        for (Field f : all) {
            long n = Gen.probes(u, f).length;
            if (active.size() < wanted && product * n <= 1200) {
                active.add(f);
                product *= n;
            }
        }
        return active;
    }

    @ParameterizedTest(name = "exhaustive={0}")
    @ValueSource(booleans = {true, false})
    void operationsMatchTheModel(boolean exhaustive) {
        Random r = new Random(exhaustive ? 2024 : 2025);
        int cases = exhaustive ? 600 : 800;
        for (int n = 0; n < cases; n++) {
            Universe u = Gen.randomUniverse(r);
            Gen g = new Gen(r, u, randomActive(r, u, exhaustive));
            Gen.Case a = g.set(r.nextInt(3));
            Gen.Case b = g.set(r.nextInt(3));
            Gen.Case box = g.box();
            PacketBox cut = box.set().isEmpty() ? PacketBox.all(u).with(Field.PROTOCOL, IntervalSet.empty())
                    : box.set().boxes().get(0);
            Predicate<Packet> ma = a.model().has();
            Predicate<Packet> mb = b.model().has();
            Predicate<Packet> mc = box.model().has();
            List<Packet> probes = new ArrayList<>();
            if (exhaustive) {
                probes.addAll(g.exhaustiveProbes());
            } else {
                for (int k = 0; k < 120; k++) {
                    probes.add(g.randomPacket());
                }
            }
            a.set().sample().ifPresent(probes::add);
            b.set().sample().ifPresent(probes::add);
            String ctx = "case " + n + " a=" + a.set() + " b=" + b.set();

            assertMatches(a.set(), ma, probes, ctx);
            assertMatches(b.set(), mb, probes, ctx);
            PacketSet union = a.set().union(b.set());
            PacketSet inter = a.set().intersect(b.set());
            PacketSet diff = a.set().subtract(b.set());
            assertMatches(union, p -> ma.test(p) || mb.test(p), probes, "union " + ctx);
            assertMatches(inter, p -> ma.test(p) && mb.test(p), probes, "intersect " + ctx);
            assertMatches(diff, p -> ma.test(p) && !mb.test(p), probes, "subtract " + ctx);
            assertMatches(a.set().intersect(cut), p -> ma.test(p) && mc.test(p), probes, "intersect box " + ctx);
            assertMatches(a.set().subtract(cut), p -> ma.test(p) && !mc.test(p), probes, "subtract box " + ctx);
            PacketSet all = PacketSet.all(u);
            assertMatches(all.subtract(a.set()), p -> !ma.test(p), probes, "complement " + ctx);

            // identities, decided by the library's own semantic equality
            assertThat(diff.union(inter).sameAs(a.set())).as(ctx).isTrue();
            assertThat(diff.intersect(b.set()).isEmpty()).as(ctx).isTrue();
            assertThat(union.sameAs(b.set().union(a.set()))).as(ctx).isTrue();
            assertThat(inter.sameAs(b.set().intersect(a.set()))).as(ctx).isTrue();
            assertThat(union.subtract(b.set()).sameAs(diff)).as(ctx).isTrue();
            assertThat(diff.union(b.set()).sameAs(union)).as(ctx).isTrue();
            assertThat(all.subtract(union).sameAs(all.subtract(a.set()).intersect(all.subtract(b.set())))).as(ctx)
                    .isTrue();
            assertThat(all.subtract(inter).sameAs(all.subtract(a.set()).union(all.subtract(b.set())))).as(ctx)
                    .isTrue();
            assertThat(a.set().subtract(a.set()).isEmpty()).isTrue();
            assertThat(a.set().intersect(all)).isEqualTo(a.set());
            assertThat(a.set().union(a.set())).isEqualTo(a.set());
            assertThat(a.set().union(PacketSet.empty(u))).isEqualTo(a.set());

            // semantic equality against the model, exact when probing is exhaustive
            if (exhaustive) {
                assertThat(a.set().sameAs(b.set())).as(ctx).isEqualTo(agree(ma, mb, probes));
                assertThat(a.set().isEmpty()).as(ctx).isEqualTo(agree(ma, p -> false, probes));
            }
            assertThat(a.set().sameAs(a.set().subtract(PacketSet.empty(u)))).isTrue();

            checkSample(a.set(), ctx);
            checkSample(diff, ctx);
            if (n % 4 == 0) {
                // the slowest check (two set operations per probe value), so on a quarter of the cases
                checkProjection(a.set(), g, exhaustive ? probes : null, ma, ctx);
            }
        }
    }

    private static void checkSample(PacketSet s, String ctx) {
        Optional<Packet> sample = s.sample();
        assertThat(sample.isPresent()).as(ctx).isEqualTo(!s.isEmpty());
        sample.ifPresent(p -> {
            assertThat(s.contains(p)).as(ctx).isTrue();
            PacketBox first = s.boxes().get(0);
            for (Field f : FIELDS) {
                assertThat(p.get(f)).isEqualTo(first.get(f).min());
            }
        });
    }

    private static void checkProjection(PacketSet s, Gen g, List<Packet> exhaustive, Predicate<Packet> model,
                                        String ctx) {
        Universe u = s.universe();
        PacketBox hull = s.hull();
        // with exhaustive probes, the model's projection onto an active field is exact
        Map<Field, Set<Long>> modelValues = new EnumMap<>(Field.class);
        if (exhaustive != null) {
            for (Field f : g.active) {
                modelValues.put(f, new HashSet<>());
            }
            for (Packet p : exhaustive) {
                if (model.test(p)) {
                    for (Field f : g.active) {
                        modelValues.get(f).add(p.get(f));
                    }
                }
            }
        }
        for (Field f : FIELDS) {
            IntervalSet values = s.project(f);
            assertThat(hull.get(f)).isEqualTo(values);
            assertThat(u.domain(f).containsAll(values)).isTrue();
            // every packet keeps its field inside the projection ...
            assertThat(s.subtract(PacketBox.all(u).with(f, values)).isEmpty()).as(ctx).isTrue();
            // ... and every projected value is taken by some packet
            for (long v : g.probes(f)) {
                boolean taken = !s.intersect(PacketBox.all(u).with(f, IntervalSet.point(v))).isEmpty();
                assertThat(values.contains(v)).as(ctx).isEqualTo(taken);
                if (modelValues.containsKey(f)) {
                    assertThat(taken).as(ctx).isEqualTo(modelValues.get(f).contains(v));
                }
            }
        }
    }

    /** The same expression evaluated twice gives structurally equal sets, box order included. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void resultsAreDeterministic(long seed) {
        for (int n = 0; n < 200; n++) {
            Random r1 = new Random(seed * 1000 + n);
            Random r2 = new Random(seed * 1000 + n);
            Universe u1 = Gen.randomUniverse(r1);
            Universe u2 = Gen.randomUniverse(r2);
            boolean ex1 = r1.nextBoolean();
            boolean ex2 = r2.nextBoolean();
            PacketSet s1 = new Gen(r1, u1, randomActive(r1, u1, ex1)).set(3).set();
            PacketSet s2 = new Gen(r2, u2, randomActive(r2, u2, ex2)).set(3).set();
            assertThat(s1).isEqualTo(s2).hasSameHashCodeAs(s2);
            assertThat(s1.boxes()).containsExactlyElementsOf(s2.boxes());
            assertThat(s1.sample()).isEqualTo(s2.sample());
            assertThat(s1.toString()).isEqualTo(s2.toString());
        }
    }
}
