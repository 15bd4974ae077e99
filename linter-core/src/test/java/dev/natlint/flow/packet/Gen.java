package dev.natlint.flow.packet;

import dev.natlint.net.IntervalSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Seeded random universes, boxes and packet sets, each paired with an independent brute-force
 * model: membership is decided by scanning the raw intervals the set was built from, never through
 * {@link IntervalSet} or {@link PacketBox}.
 *
 * <p>All interval ends are drawn from a few breakpoints per field. Every set built from them, and
 * every result of the operations, is then constant between neighbouring breakpoints, so probing
 * each breakpoint and its two neighbours visits every distinct region of a field.
 */
final class Gen {

    /** A set of packets as a predicate, plus the fields it constrains (the rest are left whole). */
    record Model(Predicate<Packet> has, Set<Field> fields) {
    }

    /** A set under test with its model. */
    record Case(PacketSet set, Model model) {
    }

    final Random r;
    final Universe u;
    /** Fields random boxes may narrow; the other fields stay whole, which makes probing exhaustive. */
    final List<Field> active;

    private final long[][] probeCache = new long[Field.values().length][];

    Gen(Random r, Universe u, List<Field> active) {
        this.r = r;
        this.u = u;
        this.active = active;
        for (Field f : Field.values()) {
            probeCache[f.ordinal()] = probes(u, f);
        }
    }

    long[] probes(Field f) {
        return probeCache[f.ordinal()];
    }

    static Universe randomUniverse(Random r) {
        List<String> sym = new ArrayList<>();
        for (int i = r.nextInt(3); i > 0; i--) {
            sym.add("address of wan" + i);
        }
        List<String> ifs = new ArrayList<>();
        for (int i = 1 + r.nextInt(3); i > 0; i--) {
            ifs.add("ether" + i);
        }
        return new Universe(sym, ifs);
    }

    static long[] breaks(Universe u, Field f) {
        TreeSet<Long> b = new TreeSet<>();
        switch (f) {
            case SRC_ADDRESS, DST_ADDRESS -> {
                for (long a : new long[] {0, 1, 0x0A000000L, 0x0A0000FFL, 0x0A000100L, 0xC0A80100L, 0xC0A801FFL,
                        0xFFFFFFFEL, 0xFFFFFFFFL}) {
                    b.add(a);
                }
                for (long a = Universe.SYMBOLIC_BASE; a <= u.maxAddress(); a++) {
                    b.add(a);
                }
            }
            case PROTOCOL -> b.addAll(List.of(0L, 1L, 6L, 17L, 255L));
            case SRC_PORT, DST_PORT -> b.addAll(List.of(0L, 22L, 80L, 443L, 1024L, 8080L, 65535L));
            case IN_INTERFACE, OUT_INTERFACE -> {
                for (long i = 0; i < u.interfaces().size(); i++) {
                    b.add(i);
                }
            }
        }
        return b.stream().mapToLong(Long::longValue).toArray();
    }

    /** Breakpoints and their neighbours inside the domain: one value of every distinct region. */
    static long[] probes(Universe u, Field f) {
        long lo = u.domain(f).min();
        long hi = u.domain(f).max();
        TreeSet<Long> p = new TreeSet<>();
        for (long b : breaks(u, f)) {
            for (long x = b - 1; x <= b + 1; x++) {
                if (x >= lo && x <= hi) {
                    p.add(x);
                }
            }
        }
        return p.stream().mapToLong(Long::longValue).toArray();
    }

    static boolean inRaw(List<long[]> raw, long x) {
        for (long[] iv : raw) {
            if (iv[0] <= x && x <= iv[1]) {
                return true;
            }
        }
        return false;
    }

    /** Random values of one field as raw intervals (possibly overlapping, possibly none). */
    List<long[]> randomValues(Field f) {
        long dLo = u.domain(f).min();
        long dHi = u.domain(f).max();
        List<long[]> raw = new ArrayList<>();
        int kind = r.nextInt(10);
        if (kind < 3) {
            raw.add(new long[] {dLo, dHi});
            return raw;
        }
        if (f.isAddress() && kind < 5) {
            // the symbolic convention, modelled from its definition
            long[][] concrete = {{0x0A000000L, 0x0A0000FFL}, {0xC0A80100L, 0xC0A801FFL}, {1, 0xFFFFFFFFL},
                    {0, 0xFFFFFFFFL}};
            long[] c = concrete[r.nextInt(concrete.length)];
            boolean everything = c[0] == 0 && c[1] == 0xFFFFFFFFL;
            boolean negated = r.nextBoolean();
            long max = u.maxAddress();
            if (everything) {
                if (!negated) {
                    raw.add(new long[] {0, max});
                }
            } else if (negated) {
                raw.add(new long[] {0, c[0] - 1});
                raw.add(new long[] {c[1] + 1, max});
            } else {
                raw.add(c);
            }
            return raw;
        }
        long[] b = breaks(u, f);
        for (int n = 1 + r.nextInt(2); n > 0; n--) {
            long x = b[r.nextInt(b.length)];
            long y = r.nextInt(3) == 0 ? x : b[r.nextInt(b.length)];
            raw.add(new long[] {Math.min(x, y), Math.max(x, y)});
        }
        return raw;
    }

    static IntervalSet toSet(List<long[]> raw) {
        return IntervalSet.ofIntervals(raw);
    }

    /** A random box over the active fields, with its model. */
    Case box() {
        List<Field> narrowed = new ArrayList<>();
        List<long[]> flat = new ArrayList<>();
        PacketBox box = PacketBox.all(u);
        for (Field f : active) {
            if (r.nextInt(3) != 0) {
                List<long[]> raw = randomValues(f);
                box = box.with(f, toSet(raw));
                narrowed.add(f);
                long[] bounds = new long[raw.size() * 2];
                for (int i = 0; i < raw.size(); i++) {
                    bounds[2 * i] = raw.get(i)[0];
                    bounds[2 * i + 1] = raw.get(i)[1];
                }
                flat.add(bounds);
            }
        }
        Field[] fs = narrowed.toArray(new Field[0]);
        long[][] bs = flat.toArray(new long[0][]);
        Predicate<Packet> has = p -> {
            for (int k = 0; k < fs.length; k++) {
                if (!inFlat(bs[k], p.get(fs[k]))) {
                    return false;
                }
            }
            return true;
        };
        return new Case(PacketSet.of(box), new Model(has, Set.copyOf(active)));
    }

    private static boolean inFlat(long[] bounds, long x) {
        for (int i = 0; i < bounds.length; i += 2) {
            if (bounds[i] <= x && x <= bounds[i + 1]) {
                return true;
            }
        }
        return false;
    }

    /** A random set built by a random expression of depth at most {@code depth}, with its model. */
    Case set(int depth) {
        if (depth == 0) {
            return box();
        }
        int op = r.nextInt(8);
        Case a = set(depth - 1);
        switch (op) {
            case 0 -> {
                Case b = set(depth - 1);
                return new Case(a.set.union(b.set), model(p -> a.model.has.test(p) || b.model.has.test(p)));
            }
            case 1 -> {
                Case b = set(depth - 1);
                return new Case(a.set.intersect(b.set), model(p -> a.model.has.test(p) && b.model.has.test(p)));
            }
            case 2 -> {
                Case b = set(depth - 1);
                return new Case(a.set.subtract(b.set), model(p -> a.model.has.test(p) && !b.model.has.test(p)));
            }
            case 3 -> {
                Case b = box();
                return new Case(a.set.subtract(b.set.boxes().isEmpty() ? PacketBox.all(u).with(Field.PROTOCOL,
                        IntervalSet.empty()) : b.set.boxes().get(0)), model(p -> a.model.has.test(p)
                        && !b.model.has.test(p)));
            }
            case 4 -> {
                Case b = box();
                PacketBox cut = b.set.boxes().isEmpty() ? PacketBox.all(u).with(Field.PROTOCOL, IntervalSet.empty())
                        : b.set.boxes().get(0);
                return new Case(a.set.intersect(cut), model(p -> a.model.has.test(p) && b.model.has.test(p)));
            }
            case 5 -> {
                Field f = active.get(r.nextInt(active.size()));
                List<long[]> raw = randomValues(f);
                long[] probes = probes(f);
                Predicate<Packet> had = a.model.has;
                return new Case(a.set.replace(f, toSet(raw)), model(p -> {
                    if (!inRaw(raw, p.get(f))) {
                        return false;
                    }
                    for (long v : probes) {
                        if (had.test(p.with(f, v))) {
                            return true;
                        }
                    }
                    return false;
                }));
            }
            case 6 -> {
                List<PacketBox> boxes = new ArrayList<>();
                List<Predicate<Packet>> parts = new ArrayList<>();
                for (int n = r.nextInt(4); n > 0; n--) {
                    Case b = box();
                    boxes.add(b.set.boxes().isEmpty() ? PacketBox.all(u).with(Field.DST_PORT, IntervalSet.empty())
                            : b.set.boxes().get(0));
                    parts.add(b.model.has);
                }
                parts.add(a.model.has);
                boxes.addAll(a.set.boxes());
                return new Case(PacketSet.unionOf(u, boxes), model(p -> {
                    for (Predicate<Packet> part : parts) {
                        if (part.test(p)) {
                            return true;
                        }
                    }
                    return false;
                }));
            }
            default -> {
                return a;
            }
        }
    }

    private Model model(Predicate<Packet> has) {
        return new Model(has, Set.copyOf(active));
    }

    /** Every combination of probe values of the active fields; inactive fields take a random probe. */
    List<Packet> exhaustiveProbes() {
        List<Packet> out = new ArrayList<>();
        out.add(randomPacket());
        for (Field f : active) {
            List<Packet> next = new ArrayList<>();
            for (Packet p : out) {
                for (long v : probes(f)) {
                    next.add(p.with(f, v));
                }
            }
            out = next;
        }
        return out;
    }

    Packet randomPacket() {
        Packet p = new Packet(0, 0, 0, 0, 0, 0, 0);
        for (Field f : Field.values()) {
            long[] probes = probes(f);
            p = p.with(f, probes[r.nextInt(probes.length)]);
        }
        return p;
    }
}
