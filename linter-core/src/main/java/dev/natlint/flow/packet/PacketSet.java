package dev.natlint.flow.packet;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An exact set of packets: a union of pairwise-disjoint {@link PacketBox}es in a canonical order.
 * Boxes that differ in one field only are merged after every operation, which keeps the count low
 * when a set is cut by hundreds of rules.
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
            List<PacketBox> pieces = List.of(b);
            for (PacketBox kept : disjoint) {
                if (pieces.isEmpty()) {
                    break;
                }
                List<PacketBox> next = new ArrayList<>();
                for (PacketBox p : pieces) {
                    next.addAll(p.subtract(kept));
                }
                pieces = next;
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
            List<PacketBox> pieces = List.of(b);
            for (PacketBox mine : boxes) {
                List<PacketBox> next = new ArrayList<>();
                for (PacketBox p : pieces) {
                    next.addAll(p.subtract(mine));
                }
                pieces = next;
                if (pieces.isEmpty()) {
                    break;
                }
            }
            out.addAll(pieces);
        }
        return normalized(out);
    }

    public PacketSet intersect(PacketSet o) {
        List<PacketBox> out = new ArrayList<>();
        for (PacketBox a : boxes) {
            for (PacketBox b : o.boxes) {
                PacketBox i = a.intersect(b);
                if (!i.isEmpty()) {
                    out.add(i);
                }
            }
        }
        return normalized(out);
    }

    public PacketSet intersect(PacketBox box) {
        return intersect(of(box));
    }

    public PacketSet subtract(PacketSet o) {
        List<PacketBox> current = boxes;
        for (PacketBox cut : o.boxes) {
            List<PacketBox> next = new ArrayList<>();
            for (PacketBox b : current) {
                next.addAll(b.subtract(cut));
            }
            current = next;
            if (current.isEmpty()) {
                break;
            }
        }
        return current == boxes ? this : normalized(current);
    }

    public PacketSet subtract(PacketBox box) {
        return subtract(of(box));
    }

    /** Every box with field {@code f} set to {@code values}; the result may need re-normalising. */
    public PacketSet replace(Field f, IntervalSet values) {
        PacketSet out = empty(universe);
        for (PacketBox b : boxes) {
            out = out.union(of(b.replace(f, values)));
        }
        return out;
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
        IntervalSet s = IntervalSet.empty();
        for (PacketBox b : boxes) {
            s = s.union(b.get(f));
        }
        return s;
    }

    /** The smallest box holding the whole set (each field's projection); empty box for an empty set. */
    public PacketBox hull() {
        PacketBox h = PacketBox.all(universe);
        for (Field f : Field.ALL) {
            h = h.replace(f, project(f));
        }
        return h;
    }

    public boolean sameAs(PacketSet o) {
        return subtract(o).isEmpty() && o.subtract(this).isEmpty();
    }

    /** The lowest packet of the first box: deterministic. */
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
     */
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
            for (Field f : Field.ALL) {
                java.util.Map<PacketBox, Integer> byOthers = new java.util.HashMap<>(list.size() * 2);
                List<PacketBox> out = new ArrayList<>(list.size());
                for (PacketBox b : list) {
                    PacketBox others = b.replace(f, IntervalSet.empty());
                    Integer at = byOthers.get(others);
                    if (at == null) {
                        byOthers.put(others, out.size());
                        out.add(b);
                    } else {
                        out.set(at, out.get(at).mergeField(f.ordinal(), b));
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
