package dev.natlint.flow.packet;

import dev.natlint.net.IntervalSet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An exact set of packets: a union of pairwise-disjoint {@link PacketBox}es in a canonical order.
 * Boxes that differ in one field only are merged after every operation, which keeps the count low
 * when a set is cut by hundreds of rules.
 *
 * <p>The box order is deterministic, so reports and {@link #sample()} are stable from run to run.
 * It is not a unique normal form: one set can be cut into boxes in more than one way, so
 * {@link #equals} is structural and {@link #sameAs} is the semantic test. Operands must share a
 * universe; that is not checked, as the analyzer never mixes them and the check would cost on
 * every operation.
 */
public final class PacketSet {

    private final Universe universe;
    private final List<PacketBox> boxes;

    private PacketSet(Universe universe, List<PacketBox> boxes) {
        this.universe = universe;
        this.boxes = boxes;
    }

    public static PacketSet empty(Universe u) {
        return new PacketSet(u, List.of());
    }

    public static PacketSet all(Universe u) {
        return new PacketSet(u, List.of(PacketBox.all(u)));
    }

    public static PacketSet of(PacketBox box) {
        return box.isEmpty() ? empty(box.universe()) : new PacketSet(box.universe(), List.of(box));
    }

    /** The union of many boxes at once: overlaps are cut away, and the result is normalised once. */
    public static PacketSet unionOf(Universe u, List<PacketBox> boxes) {
        List<PacketBox> disjoint = new ArrayList<>(boxes.size());
        for (PacketBox b : boxes) {
            List<PacketBox> pieces = b.isEmpty() ? List.of() : List.of(b);
            for (PacketBox kept : disjoint) {
                if (pieces.isEmpty()) {
                    break;
                }
                pieces = cut(pieces, kept);
            }
            disjoint.addAll(pieces);
        }
        return new PacketSet(u, List.of()).normalized(disjoint);
    }

    public Universe universe() {
        return universe;
    }

    public List<PacketBox> boxes() {
        return boxes;
    }

    public boolean isEmpty() {
        return boxes.isEmpty();
    }

    public PacketSet union(PacketSet o) {
        if (o.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return o;
        }
        List<PacketBox> out = new ArrayList<>(boxes);
        for (PacketBox b : o.boxes) {
            // only the parts of b outside this set are added, so the boxes stay pairwise disjoint
            List<PacketBox> pieces = List.of(b);
            for (PacketBox mine : boxes) {
                pieces = cut(pieces, mine);
                if (pieces.isEmpty()) {
                    break;
                }
            }
            out.addAll(pieces);
        }
        // nothing new: skip the normalisation and keep this instance
        return out.size() == boxes.size() ? this : normalized(out);
    }

    public PacketSet intersect(PacketSet o) {
        List<PacketBox> out = new ArrayList<>();
        boolean unchanged = true;
        // indexed loops: the quick compiler does not remove iterators, and this one ran for every box of every set
        for (int x = 0; x < boxes.size(); x++) {
            PacketBox a = boxes.get(x);
            int hits = 0;
            for (int y = 0; y < o.boxes.size(); y++) {
                PacketBox b = o.boxes.get(y);
                if (!a.disjoint(b)) {
                    PacketBox i = a.intersect(b);
                    out.add(i);
                    unchanged &= ++hits == 1 && i.equals(a);
                }
            }
            unchanged &= hits == 1;
        }
        return unchanged ? this : normalized(out);
    }

    public PacketSet intersect(PacketBox box) {
        return intersect(of(box));
    }

    public PacketSet subtract(PacketSet o) {
        List<PacketBox> current = boxes;
        for (PacketBox c : o.boxes) {
            current = cut(current, c);
            if (current.isEmpty()) {
                break;
            }
        }
        return current == boxes ? this : normalized(current);
    }

    public PacketSet subtract(PacketBox box) {
        return subtract(of(box));
    }

    /** {@code boxes - c}; the same list instance when {@code c} touches none of them. */
    private static List<PacketBox> cut(List<PacketBox> boxes, PacketBox c) {
        List<PacketBox> next = null;
        for (int i = 0; i < boxes.size(); i++) {
            PacketBox b = boxes.get(i);
            if (next == null) {
                if (b.disjoint(c)) {
                    continue;
                }
                next = new ArrayList<>(boxes.size() + Field.ALL.length);
                next.addAll(boxes.subList(0, i));
            }
            next.addAll(b.subtract(c));
        }
        return next == null ? boxes : next;
    }

    /**
     * Every packet with field {@code f} rewritten to any of {@code values} (a NAT rewrite, not a
     * match). Boxes that differed only in {@code f} now overlap, so the result is re-disjoined.
     */
    public PacketSet replace(Field f, IntervalSet values) {
        if (values.isEmpty()) {
            return empty(universe);
        }
        List<PacketBox> replaced = new ArrayList<>(boxes.size());
        for (PacketBox b : boxes) {
            replaced.add(b.replace(f, values));
        }
        return unionOf(universe, replaced);
    }

    public boolean contains(Packet p) {
        for (PacketBox b : boxes) {
            if (b.contains(p)) {
                return true;
            }
        }
        return false;
    }

    /** The values field {@code f} takes over the whole set. */
    public IntervalSet project(Field f) {
        List<IntervalSet> values = new ArrayList<>(boxes.size());
        for (PacketBox b : boxes) {
            values.add(b.get(f));
        }
        return IntervalSet.unionAll(values);
    }

    /**
     * A cheap superset of {@link #hull()}: addresses and ports by their lowest and highest value only,
     * protocols and interfaces exactly. Enough to rule out most firewall rules before any set algebra.
     */
    public PacketBox span() {
        PacketBox h = PacketBox.all(universe);
        if (boxes.isEmpty()) {
            return h.replace(Field.PROTOCOL, IntervalSet.empty());
        }
        for (Field f : Field.ALL) {
            if (f == Field.PROTOCOL || f.isInterface()) {
                h = h.replace(f, project(f));
            } else {
                long lo = Long.MAX_VALUE;
                long hi = Long.MIN_VALUE;
                for (PacketBox b : boxes) {
                    lo = Math.min(lo, b.get(f).min());
                    hi = Math.max(hi, b.get(f).max());
                }
                h = h.replace(f, IntervalSet.of(lo, hi));
            }
        }
        return h;
    }

    /** The smallest box holding the whole set (each field's projection); empty box for an empty set. */
    public PacketBox hull() {
        PacketBox h = PacketBox.all(universe);
        for (Field f : Field.ALL) {
            h = h.replace(f, project(f));
        }
        return h;
    }

    /** Semantic equality: the same packets, however they are cut into boxes. */
    public boolean sameAs(PacketSet o) {
        return boxes.equals(o.boxes) || (subtract(o).isEmpty() && o.subtract(this).isEmpty());
    }

    /**
     * A member packet, or empty for the empty set: the lowest value of every field of the first box
     * in canonical order, so the same set always yields the same example.
     */
    public Optional<Packet> sample() {
        if (boxes.isEmpty()) {
            return Optional.empty();
        }
        PacketBox b = boxes.get(0);
        return Optional.of(new Packet(b.get(Field.SRC_ADDRESS).min(), b.get(Field.DST_ADDRESS).min(),
                (int) b.get(Field.PROTOCOL).min(), (int) b.get(Field.SRC_PORT).min(), (int) b.get(Field.DST_PORT).min(),
                (int) b.get(Field.IN_INTERFACE).min(), (int) b.get(Field.OUT_INTERFACE).min()));
    }

    /**
     * Merges boxes that differ in one field only, until none do, then sorts for a canonical order.
     * Boxes are grouped by all their other fields with a hash map, so a pass is linear in the boxes.
     * The outcome depends only on the boxes, not on their order: each pass collapses every group
     * into the union of its members, and the sort fixes the order.
     */
    /**
     * Up to this many boxes, the groups are found by comparing each box with the groups so far: most
     * sets the chain walk cuts are a handful of boxes, and a map cost a key box and a node per box and field.
     */
    private static final int FEW_BOXES = 8;

    private PacketSet normalized(List<PacketBox> in) {
        List<PacketBox> list = new ArrayList<>(in.size());
        for (PacketBox b : in) {
            if (!b.isEmpty()) {
                list.add(b);
            }
        }
        boolean changed = list.size() > 1;
        while (changed) {
            changed = false;
            for (int f = 0; f < Field.ALL.length; f++) {
                List<PacketBox> out = new ArrayList<>(list.size());
                if (list.size() <= FEW_BOXES) {
                    // the same grouping without a map: each box against the groups so far, in order
                    for (PacketBox b : list) {
                        int at = -1;
                        for (int k = 0; k < out.size() && at < 0; k++) {
                            if (out.get(k).equalExcept(b, f)) {
                                at = k;
                            }
                        }
                        if (at < 0) {
                            out.add(b);
                        } else {
                            out.set(at, out.get(at).mergeField(f, b));
                            changed = true;
                        }
                    }
                    list = out;
                    continue;
                }
                Map<PacketBox, Integer> byOthers = new HashMap<>(list.size() * 2);
                for (PacketBox b : list) {
                    Integer at = byOthers.putIfAbsent(b.without(f), out.size());
                    if (at == null) {
                        out.add(b);
                    } else {
                        out.set(at, out.get(at).mergeField(f, b));
                        changed = true;
                    }
                }
                list = out;
            }
        }
        list.sort(PacketBox::compareTo);
        return new PacketSet(universe, List.copyOf(list));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PacketSet s && boxes.equals(s.boxes);
    }

    @Override
    public int hashCode() {
        return boxes.hashCode();
    }

    @Override
    public String toString() {
        return boxes.toString();
    }
}
