package dev.natlint.flow.packet;

import dev.natlint.net.IntervalSet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A product set: one {@link IntervalSet} per {@link Field}; a packet is in the box when each of its
 * fields is in the corresponding set. Empty when any field is empty.
 *
 * <p>Every operation here is linear in the intervals of the fields involved, which is what lets the
 * analyzer push thousands of forwards through thousands of rules.
 */
public final class PacketBox {

    private final Universe universe;
    private final IntervalSet[] fields;
    /** Cached hash; boxes are map keys while packet sets are coalesced. 0 means not yet computed. */
    private int hash;

    private PacketBox(Universe universe, IntervalSet[] fields) {
        this.universe = universe;
        this.fields = fields;
    }

    public Universe universe() {
        return universe;
    }

    /** Every packet of the universe. */
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

    /** This box with {@code f} narrowed to {@code values} (intersection: a matcher). */
    public PacketBox with(Field f, IntervalSet values) {
        IntervalSet narrowed = fields[f.ordinal()].intersect(values);
        return narrowed == fields[f.ordinal()] ? this : replace(f, narrowed);
    }

    /**
     * This box with {@code f} set to {@code values}, not intersected: a NAT rewrite. The caller keeps
     * {@code values} inside the field's domain.
     */
    public PacketBox replace(Field f, IntervalSet values) {
        if (fields[f.ordinal()].equals(values)) {
            return this;
        }
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
                Arrays.fill(f, IntervalSet.empty());
                break;
            }
        }
        return new PacketBox(universe, f);
    }

    /** True when the two boxes share no packet; allocation-free. */
    public boolean disjoint(PacketBox o) {
        for (int i = 0; i < fields.length; i++) {
            if (!fields[i].intersects(o.fields[i])) {
                return true;
            }
        }
        return false;
    }

    /** True when every packet of {@code o} is in this box (an empty {@code o} always is). */
    public boolean containsAll(PacketBox o) {
        if (o.isEmpty()) {
            return true;
        }
        for (int i = 0; i < fields.length; i++) {
            if (!fields[i].containsAll(o.fields[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code this - o} as at most one box per field, pairwise disjoint and non-empty. Field by field
     * in {@link Field} order, the part outside {@code o} is peeled off and the rest narrowed to
     * {@code o}; the fixed order keeps results deterministic and lets a later union coalesce the
     * pieces back (they differ from their neighbours in one field only).
     */
    public List<PacketBox> subtract(PacketBox o) {
        if (isEmpty()) {
            return List.of();
        }
        if (disjoint(o)) {
            return List.of(this);
        }
        List<PacketBox> out = new ArrayList<>(fields.length);
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

    /** This box with field {@code i} widened by {@code o}'s; only meaningful when the rest agree. */
    PacketBox mergeField(int i, PacketBox o) {
        IntervalSet[] f = fields.clone();
        f[i] = fields[i].union(o.fields[i]);
        return new PacketBox(universe, f);
    }

    /**
     * This box with every field replaced by its equal in {@code pool}, or added to it: flows of a
     * thousand forwards keep a thousand copies of one long set (the internet minus every address
     * list) unless they share it.
     */
    public PacketBox interned(Map<IntervalSet, IntervalSet> pool) {
        IntervalSet[] f = null;
        for (int i = 0; i < fields.length; i++) {
            IntervalSet shared = pool.putIfAbsent(fields[i], fields[i]);
            if (shared != null && shared != fields[i]) {
                if (f == null) {
                    f = fields.clone();
                }
                f[i] = shared;
            }
        }
        return f == null ? this : new PacketBox(universe, f);
    }

    /** This box with field {@code i} blanked: the key under which boxes differing only there meet. */
    /** Whether the boxes are equal in every field but {@code i}: whether their {@link #without} boxes are equal. */
    boolean equalExcept(PacketBox o, int i) {
        for (int k = 0; k < fields.length; k++) {
            if (k != i && fields[k] != o.fields[k] && !fields[k].equals(o.fields[k])) {
                return false;
            }
        }
        return fields.length == o.fields.length;
    }

    PacketBox without(int i) {
        IntervalSet[] f = fields.clone();
        f[i] = IntervalSet.empty();
        return new PacketBox(universe, f);
    }

    /** Lexicographic over fields, then intervals: the canonical box order of packet sets. */
    int compareTo(PacketBox o) {
        for (int i = 0; i < fields.length; i++) {
            IntervalSet a = fields[i];
            IntervalSet b = o.fields[i];
            if (a == b) {
                // pieces of one cut share most field instances; long address lists are common
                continue;
            }
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

    /** Equal when all fields are equal; the universe is not compared (boxes never mix universes). */
    @Override
    public boolean equals(Object o) {
        return o instanceof PacketBox b && (b == this || Arrays.equals(fields, b.fields));
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

    /**
     * Only the fields that are narrower than their domain, e.g.
     * {@code [dst_address=203.0.113.7/32 protocol=6 dst_port=80]}; the whole universe is {@code [any]}.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (Field f : Field.ALL) {
            IntervalSet v = fields[f.ordinal()];
            if (!v.equals(universe.domain(f))) {
                if (sb.length() > 1) {
                    sb.append(' ');
                }
                sb.append(f.name().toLowerCase(Locale.ROOT)).append('=').append(universe.describe(f, v));
            }
        }
        return sb.append(sb.length() == 1 ? "any]" : "]").toString();
    }
}
