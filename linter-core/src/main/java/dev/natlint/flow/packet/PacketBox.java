package dev.natlint.flow.packet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A product set: one {@link IntervalSet} per {@link Field}. Empty when any field is empty. */
public final class PacketBox {

    private final Universe universe;
    private final IntervalSet[] fields;
    private int hash;

    private PacketBox(Universe universe, IntervalSet[] fields) {
        this.universe = universe;
        this.fields = fields;
    }

    public Universe universe() {
        return universe;
    }

    public static PacketBox all(Universe u) {
        IntervalSet[] f = new IntervalSet[Field.ALL.length];
        for (Field x : Field.ALL) {
            f[x.ordinal()] = u.domain(x);
        }
        return new PacketBox(u, f);
    }

    public IntervalSet get(Field f) {
        return fields[f.ordinal()];
    }

    /** This box with {@code f} narrowed to {@code values}. */
    public PacketBox with(Field f, IntervalSet values) {
        IntervalSet narrowed = fields[f.ordinal()].intersect(values);
        return narrowed == fields[f.ordinal()] ? this : replace(f, narrowed);
    }

    /** This box with {@code f} set to {@code values} (not intersected). */
    public PacketBox replace(Field f, IntervalSet values) {
        IntervalSet[] copy = fields.clone();
        copy[f.ordinal()] = values;
        return new PacketBox(universe, copy);
    }

    public boolean isEmpty() {
        for (IntervalSet s : fields) {
            if (s.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    public PacketBox intersect(PacketBox o) {
        IntervalSet[] f = new IntervalSet[fields.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = fields[i].intersect(o.fields[i]);
            if (f[i].isEmpty()) {
                // one empty field empties the box; the other fields need no work
                java.util.Arrays.fill(f, IntervalSet.empty());
                break;
            }
        }
        return new PacketBox(universe, f);
    }

    /** True when the two boxes share no packet. */
    public boolean disjoint(PacketBox o) {
        for (int i = 0; i < fields.length; i++) {
            if (!fields[i].intersects(o.fields[i])) {
                return true;
            }
        }
        return false;
    }

    /** {@code this - o} as disjoint boxes: peel off, field by field, the part outside {@code o}. */
    public List<PacketBox> subtract(PacketBox o) {
        if (disjoint(o)) {
            return List.of(this);
        }
        List<PacketBox> out = new ArrayList<>();
        IntervalSet[] rest = fields.clone();
        for (int i = 0; i < fields.length; i++) {
            IntervalSet outside = rest[i].subtract(o.fields[i]);
            if (!outside.isEmpty()) {
                IntervalSet[] piece = rest.clone();
                piece[i] = outside;
                out.add(new PacketBox(universe, piece));
            }
            rest[i] = rest[i].intersect(o.fields[i]);
        }
        return out;
    }

    public boolean contains(Packet p) {
        for (Field f : Field.ALL) {
            if (!fields[f.ordinal()].contains(p.get(f))) {
                return false;
            }
        }
        return true;
    }

    PacketBox mergeField(int i, PacketBox o) {
        IntervalSet[] f = fields.clone();
        f[i] = fields[i].union(o.fields[i]);
        return new PacketBox(universe, f);
    }

    int compareTo(PacketBox o) {
        for (int i = 0; i < fields.length; i++) {
            IntervalSet a = fields[i];
            IntervalSet b = o.fields[i];
            int n = Math.min(a.intervalCount(), b.intervalCount());
            for (int k = 0; k < n; k++) {
                int c = Long.compare(a.lo(k), b.lo(k));
                if (c == 0) {
                    c = Long.compare(a.hi(k), b.hi(k));
                }
                if (c != 0) {
                    return c;
                }
            }
            int c = Integer.compare(a.intervalCount(), b.intervalCount());
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PacketBox b && Arrays.equals(fields, b.fields);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Arrays.hashCode(fields) | 1;
            hash = h;
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (Field f : Field.ALL) {
            if (f.ordinal() > 0) {
                sb.append(' ');
            }
            sb.append(f.name().toLowerCase(java.util.Locale.ROOT)).append('=').append(fields[f.ordinal()]);
        }
        return sb.append(']').toString();
    }
}
